using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in the text form
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c>, so the configuration
/// holds a hash an operator can make with any PBKDF2 tool (README: Admin area).
/// </summary>
public sealed class PasswordHash
{
    public const string Prefix = "pbkdf2-sha256";

    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        _salt = salt;
        _hash = hash;
    }

    public int Iterations { get; }

    /// <summary>Hashes a new password with a fresh random salt.</summary>
    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Prefix}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Parses the text form; false (with a reason for the startup log) when it is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PasswordHash? parsed, out string? problem)
    {
        parsed = null;
        var parts = (text ?? "").Trim().Split('$');
        if (parts.Length != 4 || parts[0] != Prefix)
        {
            problem = $"expected {Prefix}$<iterations>$<salt base64>$<hash base64>";
            return false;
        }

        if (!int.TryParse(parts[1], out var iterations) || iterations < 1)
        {
            problem = "the iteration count is not a positive number";
            return false;
        }

        var salt = FromBase64(parts[2]);
        var hash = FromBase64(parts[3]);
        if (salt is not { Length: >= 8 } || hash is not { Length: >= 16 })
        {
            problem = "the salt (at least 8 bytes) or hash (at least 16 bytes) is not valid base64";
            return false;
        }

        parsed = new PasswordHash(iterations, salt, hash);
        problem = null;
        return true;
    }

    /// <summary>True when <paramref name="password"/> derives the stored hash; compared in constant time.</summary>
    public bool Verify(string? password)
    {
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password ?? ""), _salt, Iterations, HashAlgorithmName.SHA256, _hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, _hash);
    }

    private static byte[]? FromBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
