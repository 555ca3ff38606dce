namespace CandleDashboard.Tests.Shared;

/// <summary>
/// Finds the recorded market data in <c>../shared/data</c> beside the repository (where CI and
/// developers' checkouts have it), or at <c>CANDLEDASHBOARD_SHARED_DATA</c> when set.
/// </summary>
public static class SharedData
{
    public static string PathOf(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("CANDLEDASHBOARD_SHARED_DATA") ?? FindDataRoot();
        var path = System.IO.Path.Combine([root, .. parts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Recorded market data not found at {path}.", path);
    }

    private static string FindDataRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CandleDashboard.sln")))
            {
                return System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "data");
            }
        }

        throw new DirectoryNotFoundException("CandleDashboard.sln not found above the test binaries; set CANDLEDASHBOARD_SHARED_DATA.");
    }
}
