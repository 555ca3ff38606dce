namespace CandleDashboard.Web.Hubs;

/// <summary>The client-side method names the hub sends; part of the public contract (README).</summary>
public static class HubMessageNames
{
    public const string Candle = "candle";
    public const string DataUpdated = "data_updated";
    public const string Indicator = "indicator";
}
