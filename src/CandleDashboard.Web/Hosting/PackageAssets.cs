namespace CandleDashboard.Web.Hosting;

/// <summary>
/// The packages' browser files (_framework/blazor.web.js, _content/MudBlazor/…, _content/Plotly.Blazor/…)
/// are static web assets. A published app has them in its web root; a built one (dotnet run, the
/// test runner) only lists them in the app's static web assets manifest, which the host reads only
/// in Development and looks up by application name (the test host's name, under tests). So the
/// manifest is named explicitly when it exists, in every environment.
/// </summary>
public static class PackageAssets
{
    public static WebApplicationBuilder UsePackageAssetsFromBuildOutput(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{typeof(PackageAssets).Assembly.GetName().Name}.staticwebassets.runtime.json");
        if (File.Exists(manifest))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
            builder.WebHost.UseStaticWebAssets();
        }

        return builder;
    }
}
