using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Rewrite;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Which plotly.js the chart runs on. Plotly.Blazor loads its own build by URL: the full one
/// (4.9 MB, every trace type) or the basic one (1.1 MB, no candlestick). The chart needs
/// candlesticks and bars only, so it asks for the basic URL and the app answers that URL with
/// plotly's finance partial bundle from npm (1.3 MB: candlestick, OHLC, bar, scatter, …), copied
/// into lib/plotly by the build. Measured page loads of both choices: docs/benchmarks.md.
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

    /// <summary>Where the build puts the finance bundle (see the web project's NpmAsset items).</summary>
    public const string FinanceBundlePath = "lib/plotly/plotly-finance.min.js";

    /// <summary>Any version of Plotly.Blazor's basic build, so a package update cannot silently bring back the bundle without candlesticks.</summary>
    [GeneratedRegex(@"^_content/Plotly\.Blazor/plotly-basic-[0-9.]+\.min\.js$", RegexOptions.CultureInvariant)]
    private static partial Regex BasicBuild();

    /// <summary>Serves the finance bundle at Plotly.Blazor's basic-build URL; call before static files.</summary>
    public static WebApplication UsePlotlyFinanceBundle(this WebApplication app)
    {
        app.UseRewriter(new RewriteOptions().AddRewrite(BasicBuild().ToString(), FinanceBundlePath, skipRemainingRules: true));
        return app;
    }
}
