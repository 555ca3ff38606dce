using System.Security.Cryptography;
using System.Text;

namespace CandleDashboard.Storage.Postgres.Schema;

/// <summary>One versioned schema script, e.g. <c>001_candles.sql</c> → version 1, name "candles".</summary>
/// <param name="Version">From the file name's numeric prefix; applied in ascending order, each once.</param>
/// <param name="Name">The rest of the file name, for logs and the schema_migrations row.</param>
/// <param name="Sql">The script text.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script, stored when applied so a script edited after release is noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
