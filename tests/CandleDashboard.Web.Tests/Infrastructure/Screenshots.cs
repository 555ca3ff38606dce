using Microsoft.Playwright;

namespace CandleDashboard.Web.Tests.Infrastructure;

/// <summary>Saves PNGs under the repo's git-ignored artifacts/screenshots/ for people (and CI) to look at.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Locate();

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>
    /// Saves like <see cref="SaveAsync"/>; with CANDLEDASHBOARD_DOCS_SCREENSHOT=1 also as docs/{name}.png,
    /// the picture the README shows (taken by a test, so it shows what the app really draws).
    /// </summary>
    public static async Task SaveForDocsAsync(IPage page, string name)
    {
        var path = await SaveAsync(page, name);
        if (Environment.GetEnvironmentVariable("CANDLEDASHBOARD_DOCS_SCREENSHOT") == "1")
        {
            File.Copy(path, Path.Combine(Directory, "..", "..", "docs", name + ".png"), overwrite: true);
        }
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CandleDashboard.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}
