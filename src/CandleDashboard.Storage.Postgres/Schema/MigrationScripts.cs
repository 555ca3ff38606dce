using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CandleDashboard.Storage.Postgres.Schema;

/// <summary>The schema scripts embedded in this assembly (Migrations/NNN_name.sql), in version order.</summary>
public static partial class MigrationScripts
{
    private const string Prefix = "CandleDashboard.Storage.Postgres.Migrations.";

    [GeneratedRegex(@"^(\d+)_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(Load);

    public static IReadOnlyList<Migration> All => Embedded.Value;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var match = FileName().Match(resource[Prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' is not named NNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        // A duplicated version would make "applied once" ambiguous: fail at the first startup, loudly.
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        return migrations.OrderBy(m => m.Version).ToArray();
    }
}
