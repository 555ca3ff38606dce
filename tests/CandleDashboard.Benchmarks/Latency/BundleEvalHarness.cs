using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CandleDashboard.Benchmarks.Latency;

/// <summary>
/// What a plotly bundle costs the browser before anything is drawn: its sizes (raw, gzip, Brotli)
/// and the time Chromium's main thread takes to parse, compile and run it. Each given file is
/// served from a bare loopback server on a page that notes <c>performance.now()</c> in a script
/// just before it and one just after it; parse-and-run time = after − max(before, the bundle's
/// responseEnd), so the download is not counted. Every load is cold (new context), files alternate.
/// </summary>
public static class BundleEvalHarness
{
    private const string Before = "window.__t0 = performance.now();";
    private const string After = "window.__t1 = performance.now(); window.__plotly = typeof Plotly;";

    public static async Task<int> RunAsync(IReadOnlyList<string> files, int loads)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = await File.ReadAllBytesAsync(files[i]);
            var page = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><script src=\"/before.js\"></script><script src=\"/bundle/{i}.js\"></script><script src=\"/after.js\"></script></body></html>";
            app.MapGet($"/bundle/{i}.js", () => Results.Bytes(bytes, "text/javascript"));
            app.MapGet($"/page/{i}", () => Results.Content(page, "text/html"));
        }

        app.MapGet("/before.js", () => Results.Text(Before, "text/javascript"));
        app.MapGet("/after.js", () => Results.Text(After, "text/javascript"));
        await app.StartAsync();
        var address = AppAddress.Of(app);

        await using var chromium = await ChromiumSession.LaunchAsync();
        var times = files.Select(_ => new List<double>()).ToArray();
        for (var round = -1; round < loads; round++) // round -1: unmeasured (server JIT)
        {
            for (var i = 0; i < files.Count; i++)
            {
                await using var context = await chromium.Browser.NewContextAsync();
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(address, $"page/{i}").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var ms = await page.EvaluateAsync<double>(
                    "i => { const r = performance.getEntriesByType('resource').find(e => e.name.endsWith(`/bundle/${i}.js`)); if (window.__plotly !== 'object') throw new Error('no Plotly'); return window.__t1 - Math.max(window.__t0, r.responseEnd); }", i);
                if (round >= 0)
                {
                    times[i].Add(ms);
                }
            }
        }

        for (var i = 0; i < files.Count; i++)
        {
            var raw = await File.ReadAllBytesAsync(files[i]);
            var sorted = times[i].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(files[i])}: {raw.Length / 1024.0:0} KiB raw, {Compressed(raw, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)) / 1024.0:0} KiB gzip, {Compressed(raw, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true)) / 1024.0:0} KiB brotli; " +
                $"parse+run median {sorted[sorted.Length / 2]:0} ms (min {sorted[0]:0}, max {sorted[^1]:0}, {sorted.Length} cold loads)"));
        }

        await app.StopAsync();
        return 0;
    }

    private static long Compressed(byte[] raw, Func<Stream, Stream> compressor)
    {
        using var target = new MemoryStream();
        using (var stream = compressor(target))
        {
            stream.Write(raw);
        }

        return target.Length;
    }
}
