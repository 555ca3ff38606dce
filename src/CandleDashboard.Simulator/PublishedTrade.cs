namespace CandleDashboard.Simulator;

/// <summary>
/// A trade the simulator has just handed to its WebSocket subscribers; raised for the latency harness
/// and for tests that compare what was sent with what a client rebuilt.
/// </summary>
/// <param name="Symbol">Upper-case symbol.</param>
/// <param name="TradeId">Trade id (also the aggTrade id, first and last id: one trade is one aggTrade).</param>
/// <param name="Price">Trade price.</param>
/// <param name="Quantity">Trade quantity.</param>
/// <param name="TradeTime">Trade time <c>T</c>, UTC epoch milliseconds.</param>
/// <param name="IsBuyerMaker">Binance's <c>m</c> flag.</param>
/// <param name="SentTimestamp"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> taken just before the frames were queued to the subscribers (the frames are on their way once the event is raised).</param>
public readonly record struct PublishedTrade(
    string Symbol,
    long TradeId,
    decimal Price,
    decimal Quantity,
    long TradeTime,
    bool IsBuyerMaker,
    long SentTimestamp);
