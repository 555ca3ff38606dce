namespace CandleDashboard.Web.Venues;

/// <summary>
/// One exchange the dashboard shows, as configuration lists it (<c>Dashboard:Exchanges:N</c>):
/// which adapter, and the symbols followed on it. The first listed is the default venue: its charts
/// keep the short routes (<c>/chart/BTCUSDT/1m</c>) and the API answers for it without <c>?exchange=</c>.
/// </summary>
public sealed class VenueSettings
{
    /// <summary><c>binance</c> or <c>kraken</c>: the venue's id in routes, the API and the hub.</summary>
    public string Name { get; set; } = "";

    /// <summary>Product symbols (e.g. <c>BTCUSDT</c> on Binance, <c>BTCUSD</c> on Kraken).</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>The id, lower case (configuration may spell it <c>Kraken</c>).</summary>
    public string Id => Name.Trim().ToLowerInvariant();

    public VenueKind Kind => Enum.Parse<VenueKind>(Name.Trim(), ignoreCase: true);

    /// <summary>The symbols normalized and without repeats; call only after validation.</summary>
    public IReadOnlyList<string> EffectiveSymbols =>
        Symbols.Select(s => CandleDashboard.Core.Market.Symbols.TryNormalize(s, out var n) ? n : s).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Kraken's default pairs when it is listed without symbols (and for the zero-config run).</summary>
    public static readonly IReadOnlyList<string> DefaultKrakenSymbols = ["BTCUSD", "ETHUSD"];
}
