using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CandleDashboard.Benchmarks.Circuits;

/// <summary>
/// The chart module's first scroll-back, which a browser makes right after drawing (chartPaging.js
/// maybeLoad): the latest view shows 120 candles plus 3 buckets of padding, and when its left edge is
/// within 1.5 view widths of the oldest held candle the page asks the server's <c>LoadOlder</c> for the
/// page before it, then reports what it holds through <c>WindowChanged</c>. With the default 300
/// candles that is always the case, so every real tab costs the server one history page at open.
/// Only this first request is made (a trader who never pans makes no other).
/// </summary>
public sealed class OlderPageRequest(HubConnection connection)
{
    private const int VisibleCandles = 120;
    private const int RightPadding = 3;
    private const double LoadAhead = 1.5;
    private const string LoadOlderCallId = "1";
    private const string WindowChangedCallId = "2";

    private DrawnChart? _chart;

    /// <summary>Asks for the older page if the browser would.</summary>
    public void Start(DrawnChart chart)
    {
        var candlesLeftOfView = chart.Count - 1 - VisibleCandles;
        if (chart.DotNetObjectId == 0 || chart.OldestOpenTime is not { } oldest || candlesLeftOfView >= LoadAhead * (VisibleCandles + RightPadding))
        {
            return;
        }

        _chart = chart;
        _ = connection.SendAsync("BeginInvokeDotNetFromJS", LoadOlderCallId, null, "LoadOlder", chart.DotNetObjectId, $"[{oldest.ToString(CultureInfo.InvariantCulture)}]");
    }

    /// <summary>The answer to a call from the page (<c>JS.EndInvokeDotNet</c>): the page arrived, so the browser reports its window.</summary>
    public async Task CompleteAsync(string callId, bool succeeded, string? resultJson)
    {
        if (callId != LoadOlderCallId || !succeeded || resultJson is null || _chart is not { OldestOpenTime: { } oldest } chart)
        {
            return;
        }

        using var page = JsonDocument.Parse(resultJson);
        var older = page.RootElement.GetProperty("candles").EnumerateArray().Select(c => c.GetProperty("t").GetInt64()).Where(t => t < oldest).ToList();
        if (older.Count == 0)
        {
            return;
        }

        var arguments = string.Create(CultureInfo.InvariantCulture, $"[{chart.Count + older.Count},{older.Min()},{chart.NewestOpenTime},false]");
        await connection.SendAsync("BeginInvokeDotNetFromJS", WindowChangedCallId, null, "WindowChanged", chart.DotNetObjectId, arguments);
    }
}
