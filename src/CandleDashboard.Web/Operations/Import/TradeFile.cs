using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace CandleDashboard.Web.Operations.Import;

/// <summary>
/// One published trade file opened for reading: a plain CSV, or the CSV inside a <c>.zip</c> as
/// data.binance.vision publishes it (the zip's first <c>.csv</c> entry, else its only entry).
/// </summary>
/// <remarks>
/// <see cref="Identity"/> names the content, not the path, so a resumed import recognises the file wherever it
/// lies: <c>name:length:checksum</c> with the CSV's name, its uncompressed length and, for a zip entry, the CRC-32
/// the zip stores; for a plain file, SHA-256 of its first 64 KiB (cheap, and with the length it tells the files of
/// one venue apart: each day's dump starts with different trade ids). Kraken's CSVs carry no trade id, so a
/// resumed import locates its position by line number within this identity.
/// </remarks>
public sealed class TradeFile : IDisposable
{
    private const int IdentityPrefixBytes = 64 * 1024;

    private readonly IDisposable? _archive;

    private TradeFile(string path, string name, string identity, long length, Stream content, IDisposable? archive)
    {
        Path = path;
        Name = name;
        Identity = identity;
        Length = length;
        Content = content;
        _archive = archive;
    }

    public string Path { get; }

    /// <summary>What the reports call the file: its path, and for a zip the CSV inside (<c>a.zip!a.csv</c>).</summary>
    public string Name { get; }

    public string Identity { get; }

    /// <summary>Uncompressed bytes of the CSV.</summary>
    public long Length { get; }

    /// <summary>The CSV's bytes (decompressed for a zip), read once from the start.</summary>
    public Stream Content { get; }

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">A zip without a CSV in it, or not a zip at all.</exception>
    public static TradeFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var archive = ZipFile.OpenRead(path);
            try
            {
                var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToArray();
                var entry = entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    ?? (entries.Length == 1 ? entries[0] : throw new InvalidDataException($"{path} holds no .csv file."));
                var identity = string.Create(CultureInfo.InvariantCulture, $"{entry.Name}:{entry.Length}:crc32-{entry.Crc32:x8}");
                return new TradeFile(path, $"{path}!{entry.FullName}", identity, entry.Length, entry.Open(), archive);
            }
            catch
            {
                archive.Dispose();
                throw;
            }
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            var prefix = new byte[(int)Math.Min(IdentityPrefixBytes, stream.Length)];
            stream.ReadExactly(prefix);
            stream.Position = 0;
            var hash = Convert.ToHexStringLower(SHA256.HashData(prefix));
            var identity = string.Create(CultureInfo.InvariantCulture, $"{System.IO.Path.GetFileName(path)}:{stream.Length}:sha256-64k-{hash}");
            return new TradeFile(path, path, identity, stream.Length, stream, null);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Content.Dispose();
        _archive?.Dispose();
    }
}
