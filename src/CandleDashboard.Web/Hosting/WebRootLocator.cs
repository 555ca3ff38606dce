namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Finds the browser assets. They live in the repository's top-level <c>wwwroot/</c> (shared
/// front-end sources with their own package.json), and publish copies them next to the app.
/// So the web root is the nearest <c>wwwroot</c> holding our chart module, searched upwards from
/// the content root and from the app's own folder: that covers <c>dotnet run</c> from any
/// directory, the test runner's bin folder, and a published app.
/// </summary>
public static class WebRootLocator
{
    /// <summary>A file only our web root has (the project folder has no wwwroot of its own).</summary>
    public const string MarkerFile = "js/candleChart.js";

    public static string? Find(params string?[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "wwwroot");
                if (File.Exists(Path.Combine(candidate, MarkerFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
