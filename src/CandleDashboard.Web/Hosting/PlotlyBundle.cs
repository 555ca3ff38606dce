using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Rewrite;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Which plotly.js the chart runs on. Plotly.Blazor loads its own build by URL: the full one
/// (4.9 MB, every trace type) or the basic one (1.1 MB, no candlestick). The chart draws
/// candlesticks, bars and scatter lines only, so it asks for the basic URL and the app answers that
/// URL with a partial bundle built from plotly.js on npm at build time holding just those trace
/// types (wwwroot/build/plotly-candles.js, 1.1 MB; plotly's finance bundle, used before, is 1.25 MB).
/// Measured sizes and page loads: docs/benchmarks.md.
/// </summary>
public static partial class PlotlyBundle
{
    /// <summary>The URL Plotly.Blazor 7.2 loads with UseBasicVersion (its plotly version is part of the name).</summary>
    public const string ScriptPath = "_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";

    /// <summary>
    /// The same URL exactly as Plotly.Blazor's loader is given it: the loader recognises a script it
    /// already started by this text, so the page's early start (js/plotly-preload.js) must match it.
    /// </summary>
    public const string LoaderScriptPath = "./" + ScriptPath;

    /// <summary>Plotly.Blazor's interop module, whose loader the page starts plotly with.</summary>
    public const string InteropModule = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    /// <summary>Where the build writes the bundle (wwwroot/build/build-plotly.mjs, run by the web project's build).</summary>
    public const string BundlePath = "lib/plotly/plotly-candles.min.js";

    /// <summary>Any version of Plotly.Blazor's basic build, so a package update cannot silently bring back the bundle without candlesticks.</summary>
    [GeneratedRegex(@"^_content/Plotly\.Blazor/plotly-basic-[0-9.]+\.min\.js$", RegexOptions.CultureInvariant)]
    private static partial Regex BasicBuild();

    /// <summary>Serves the bundle at Plotly.Blazor's basic-build URL; call before static files.</summary>
    public static WebApplication UsePlotlyBundle(this WebApplication app)
    {
        app.UseRewriter(new RewriteOptions().AddRewrite(BasicBuild().ToString(), BundlePath, skipRemainingRules: true));
        return app;
    }
}
