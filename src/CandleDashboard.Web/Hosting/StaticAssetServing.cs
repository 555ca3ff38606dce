using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// How the repo-root web root's files are served (the packages' files are the SDK's static web
/// assets, see <see cref="PackageAssets"/>):
/// <list type="bullet">
/// <item>Precompressed: where the build wrote <c>file.br</c> / <c>file.gz</c> next to a file (the
/// plotly bundle: 1.1 MB, 0.3 MB as Brotli), a browser that accepts Brotli or gzip gets that
/// variant with its Content-Encoding, compressed once at build time at the highest level instead
/// of on every response.</item>
/// <item>Cached: a request carrying the file's current fingerprint (<see cref="AssetVersions"/>)
/// is answered <c>Cache-Control: public, max-age=31536000, immutable</c>; other addresses keep
/// ETag/Last-Modified revalidation.</item>
/// <item>Only public files: npm's and the bundle build's files are hidden (<see cref="PublicWebRootFileProvider"/>).</item>
/// </list>
/// </summary>
public static class StaticAssetServing
{
    private const string OriginalPathKey = "CandleDashboard.StaticAsset.OriginalPath";

    /// <summary>Encodings in the order they are preferred, each with the suffix of its precompressed file.</summary>
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static WebApplication UseWebRootFiles(this WebApplication app)
    {
        var files = new PublicWebRootFileProvider(app.Environment.WebRootFileProvider);
        var versions = app.Services.GetRequiredService<AssetVersions>();
        app.Use((context, next) =>
        {
            ChoosePrecompressed(context, files);
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new PrecompressedContentTypes(),
            OnPrepareResponse = file => SetCaching(file.Context, versions),
        });
        return app;
    }

    private static void ChoosePrecompressed(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || context.GetEndpoint() is not null || !request.Path.HasValue)
        {
            return;
        }

        var path = request.Path.Value!;
        if (path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            // A variant by its own name would be sent without its Content-Encoding: not served.
            request.Path = "/.precompressed-variants-are-not-addressable";
            return;
        }

        var variants = Encodings.Where(e => files.GetFileInfo(path + e.Suffix).Exists).ToList();
        if (variants.Count == 0)
        {
            return;
        }

        // The answer depends on Accept-Encoding: caches must keep the variants apart.
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        context.Items[OriginalPathKey] = path;
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in variants)
        {
            if (Accepts(accepted, encoding))
            {
                request.Path = path + suffix;
                context.Response.Headers.ContentEncoding = encoding;
                return;
            }
        }
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding)
        => accepted.Any(a => (a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) || a.Value == "*") && (a.Quality ?? 1) > 0);

    private static void SetCaching(HttpContext context, AssetVersions versions)
    {
        var path = context.Items[OriginalPathKey] as string ?? context.Request.Path.Value!;
        var asked = context.Request.Query[AssetVersions.QueryKey];
        if (asked.Count == 1 && asked[0] is { Length: > 0 } version && version == versions.Version(path))
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        }
    }

    /// <summary>The media type of <c>x.js.br</c> is that of <c>x.js</c>: its Content-Encoding says the rest.</summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _inner = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
            {
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return _inner.TryGetContentType(subpath[..^suffix.Length], out contentType!);
                }
            }

            return _inner.TryGetContentType(subpath, out contentType!);
        }
    }
}
