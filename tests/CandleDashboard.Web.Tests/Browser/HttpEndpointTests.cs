using System.Net;
using CandleDashboard.Web.Tests.Infrastructure;

namespace CandleDashboard.Web.Tests.Browser;

/// <summary>Plain HTTP against the real host: redirects, static assets, error pages.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HttpEndpointTests(DashboardServer server)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Root_redirects_to_the_default_chart()
    {
        using var client = Client();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/chart/BTCUSDT/1m", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/lib/plotly/plotly-candles.min.js", "text/javascript")]
    [InlineData("/js/candleChart.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("/_content/Plotly.Blazor/plotly-interop-7.2.0.js", "text/javascript")]
    public async Task Browser_assets_are_served_from_the_web_root_and_the_packages(string path, string contentType)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task Plotly_Blazor_s_basic_build_url_serves_the_built_bundle_with_candlesticks()
    {
        using var client = Client();
        var served = await client.GetByteArrayAsync("/" + CandleDashboard.Web.Hosting.PlotlyBundle.ScriptPath);
        var bundle = await client.GetByteArrayAsync("/" + CandleDashboard.Web.Hosting.PlotlyBundle.BundlePath);

        Assert.Equal(bundle, served);
        Assert.Contains("candlestick", System.Text.Encoding.UTF8.GetString(served)); // the package's basic build has none
    }

    [Theory]
    [InlineData("/package.json")]
    [InlineData("/package-lock.json")]
    [InlineData("/node_modules/plotly.js/package.json")]
    [InlineData("/build/plotly-candles.js")]
    [InlineData("/build/build-plotly.mjs")]
    public async Task Npm_project_files_are_not_served(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Error_page_is_friendly_and_static()
    {
        using var client = Client();
        var html = await client.GetStringAsync("/error");

        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("_framework/blazor.web.js\" autostart", html);
    }

    [Fact]
    public async Task Unknown_address_is_a_404_page()
    {
        using var client = Client();
        using var response = await client.GetAsync("/definitely/not/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
