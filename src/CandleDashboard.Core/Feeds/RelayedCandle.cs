using CandleDashboard.Core.Market;

namespace CandleDashboard.Core.Feeds;

/// <summary>
/// One coalesced live update as it travels between instances (<see cref="ILiveCandleRelay"/>): the update
/// itself and, with a forming candle, the series' newest closed live candle, so an instance that joined
/// after that candle closed still joins history to the forming candle without a hole.
/// </summary>
public readonly record struct RelayedCandle(CandleUpdate Update, Candle? LastClosed);
