namespace CandleDashboard.Web.Api;

/// <summary>One served exchange: its id (the <c>exchange</c> parameter), display name, whether it is the default, and its symbols.</summary>
public sealed record ExchangeJson(string Id, string Name, bool IsDefault, IReadOnlyList<string> Symbols);
