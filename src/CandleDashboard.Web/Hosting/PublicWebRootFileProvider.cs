using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace CandleDashboard.Web.Hosting;

/// <summary>
/// The web root doubles as the front-end's npm project, so it also holds package.json,
/// package-lock.json, node_modules/ and build/ (the plotly bundle's entry and build script). Those
/// are build inputs, not site content: this hides them
/// from static file serving (the page loads third-party code only from lib/).
/// </summary>
public sealed class PublicWebRootFileProvider(IFileProvider inner) : IFileProvider
{
    public static bool IsPublic(string subpath)
    {
        var path = subpath.TrimStart('/', '\\');
        return !(path.StartsWith("node_modules", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("package.json", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("package-lock.json", StringComparison.OrdinalIgnoreCase)
            || path.Equals("build", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("build/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("build\\", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(".", StringComparison.Ordinal));
    }

    public IFileInfo GetFileInfo(string subpath) => IsPublic(subpath) ? inner.GetFileInfo(subpath) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => IsPublic(subpath) ? inner.GetDirectoryContents(subpath) : NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => inner.Watch(filter);
}
