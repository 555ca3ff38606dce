using System.ComponentModel;
using CandleDashboard.Contracts;

namespace CandleDashboard.Web.Api;

/// <summary>Body of <c>GET /api/indicators/{symbol}/{interval}</c>.</summary>
/// <param name="Indicator">The indicator with every parameter, e.g. <c>ema(21)</c> or <c>bollinger(20,2)</c>.</param>
/// <param name="Outputs">The names of each value's outputs, e.g. <c>["middle","upper","lower"]</c>.</param>
/// <param name="Source">The history tier that served the candles.</param>
/// <param name="Values">One per candle /api/candles serves for the same request, oldest first.</param>
public sealed record IndicatorResponse(
    string Symbol,
    string Interval,
    string Indicator,
    IReadOnlyList<string> Outputs,
    string Source,
    IReadOnlyList<IndicatorPointJson> Values,
    [property: Description("True only on a page: the exchange has nothing older than its first candle.")] bool ReachedStart,
    [property: Description("The before of the page before this one; null when the start is reached or nothing was returned.")] long? NextBefore);
