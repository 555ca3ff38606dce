using CandleDashboard.Web.Hosting;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class WebRootLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("webroot-test").FullName;

    [Fact]
    public void Finds_the_repository_web_root_above_a_nested_folder()
    {
        var webRoot = Path.Combine(_root, "wwwroot");
        Directory.CreateDirectory(Path.Combine(webRoot, "js"));
        File.WriteAllText(Path.Combine(webRoot, WebRootLocator.MarkerFile), "");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "App", "bin", "Debug")).FullName;

        Assert.Equal(webRoot, WebRootLocator.Find(nested));
    }

    [Fact]
    public void A_wwwroot_without_the_chart_module_is_not_ours()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "App")).FullName;
        Directory.CreateDirectory(Path.Combine(nested, "wwwroot"));

        var found = WebRootLocator.Find(nested);

        Assert.False(found?.StartsWith(_root, StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void The_real_web_root_is_found_from_the_test_output()
    {
        var found = WebRootLocator.Find(AppContext.BaseDirectory);
        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found, "lib", "plotly", "plotly-candles.min.js")), "the build bundles plotly into wwwroot/lib");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
