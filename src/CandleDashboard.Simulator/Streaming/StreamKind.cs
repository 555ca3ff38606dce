namespace CandleDashboard.Simulator.Streaming;

/// <summary>The stream types the simulator feeds.</summary>
internal enum StreamKind
{
    Trade,
    AggTrade,
    Kline,
}
