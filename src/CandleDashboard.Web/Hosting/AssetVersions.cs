using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// Fingerprinted addresses for web-root files the page names directly (the plotly bundle, the
/// preload script, the stylesheet): <c>path?v=hash-of-content</c>. A changed file gets a new
/// address, so a response to a fingerprinted address may be cached for a year without ever being
/// stale (<see cref="StaticAssetServing"/> marks it immutable), and a returning visitor's browser
/// loads it, and its compiled code, without asking the server. Computed once per file per process:
/// the files change only with a deploy.
/// </summary>
public sealed class AssetVersions(IWebHostEnvironment environment)
{
    /// <summary>The query parameter carrying the fingerprint.</summary>
    public const string QueryKey = "v";

    private readonly IFileProvider _files = new PublicWebRootFileProvider(environment.WebRootFileProvider);
    private readonly ConcurrentDictionary<string, string?> _versions = new(StringComparer.Ordinal);

    /// <summary>The address with its fingerprint; the bare address when the file does not exist.</summary>
    public string Url(string path)
    {
        var version = Version(path);
        return version is null ? path : $"{path}?{QueryKey}={version}";
    }

    /// <summary>The current fingerprint of a web-root file (path without a leading slash), or null.</summary>
    public string? Version(string path) => _versions.GetOrAdd(path.TrimStart('/'), p =>
    {
        var file = _files.GetFileInfo(p);
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        using var stream = file.CreateReadStream();
        var hash = SHA256.HashData(stream);
        // 12 base64url characters (72 bits): collisions between versions of one file are not a concern.
        return Convert.ToBase64String(hash, 0, 9).Replace('+', '-').Replace('/', '_');
    });
}
