using CandleDashboard.Core.Feeds;
using CandleDashboard.Core.History;
using CandleDashboard.Core.Storage;

namespace CandleDashboard.Core.Indicators;

/// <summary>Where shared indicators get their candles: the charts' own sources.</summary>
/// <param name="Exchange">The exchange's name as data_updated carries it.</param>
public sealed record SharedIndicatorSources(ILiveCandleStream Live, ICandleHistory History, IDataUpdatedBus DataUpdates, TimeProvider Clock, string Exchange);
