using System.Text;

namespace CandleDashboard.Exchange.Binance.Tests.Infrastructure;

/// <summary>
/// A cryptofeed websocket recording from shared/data/binance: line 1 is
/// <c>&lt;url&gt; &lt;-&gt; &lt;unix seconds&gt;</c>, every other line <c>&lt;receive time&gt;: &lt;json&gt;</c>.
/// </summary>
public sealed class RecordedCapture
{
    private RecordedCapture(string url, IReadOnlyList<string> messages)
    {
        Url = url;
        Messages = messages;
    }

    public string Url { get; }

    /// <summary>The JSON text of each message, in receive order.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>Upper-case symbols named in the subscription URL's stream list.</summary>
    public IReadOnlyList<string> Symbols =>
        Url[(Url.IndexOf("streams=", StringComparison.Ordinal) + 8)..]
            .Split('/')
            .Select(s => s[..s.IndexOf('@')].ToUpperInvariant())
            .Distinct()
            .ToList();

    public static RecordedCapture Load(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(DataDirectory(), fileName), Encoding.UTF8);
        var url = lines[0][..lines[0].IndexOf(" <-> ", StringComparison.Ordinal)];
        var messages = lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])
            .ToList();
        return new RecordedCapture(url, messages);
    }

    /// <summary>shared/data/binance next to the work tree (locally and in CI's fresh clone).</summary>
    private static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", "binance"), Path.Combine(dir.FullName, "data", "binance") })
            {
                if (File.Exists(Path.Combine(candidate, "BINANCE.ws.1.0")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/data/binance with the recorded captures was not found above " + AppContext.BaseDirectory);
    }
}
