namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// A chart the emulated browser has reported drawn (its <c>whenDrawn</c> answered): the .NET object
/// the browser calls back (<c>options.dotnet</c>), and the oldest candle Plotly.Blazor's figure held,
/// which the browser's first scroll-back request names.
/// </summary>
public sealed record DrawnChart(string PlotId, long DotNetObjectId, int Count, long NewestOpenTime, long? OldestOpenTime);
