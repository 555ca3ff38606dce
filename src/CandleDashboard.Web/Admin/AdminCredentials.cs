using System.Security.Cryptography;
using System.Text;

namespace CandleDashboard.Web.Admin;

/// <summary>
/// The configured operator account. Checking always derives the password hash, even for a
/// wrong user name, so response time does not tell which of the two was wrong.
/// </summary>
public sealed class AdminCredentials
{
    private readonly byte[] _username;
    private readonly PasswordHash _hash;

    public AdminCredentials(string username, PasswordHash hash)
    {
        Username = username;
        _username = Encoding.UTF8.GetBytes(username);
        _hash = hash;
    }

    public string Username { get; }

    public bool Check(string? username, string? password)
    {
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(username ?? ""), _username);
        var passwordMatches = _hash.Verify(password);
        return userMatches & passwordMatches;
    }
}
