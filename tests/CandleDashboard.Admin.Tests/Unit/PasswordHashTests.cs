using CandleDashboard.Web.Admin;

namespace CandleDashboard.Admin.Tests.Unit;

public sealed class PasswordHashTests
{
    [Fact]
    public void Created_hash_verifies_its_password_and_nothing_else()
    {
        var text = PasswordHash.Create("correct horse", iterations: 1_000);

        Assert.StartsWith("pbkdf2-sha256$1000$", text);
        Assert.True(PasswordHash.TryParse(text, out var hash, out _));
        Assert.True(hash.Verify("correct horse"));
        Assert.False(hash.Verify("correct hors"));
        Assert.False(hash.Verify(""));
        Assert.False(hash.Verify(null));
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_salt()
    {
        Assert.NotEqual(PasswordHash.Create("pw", 1_000), PasswordHash.Create("pw", 1_000));
    }

    [Fact]
    public void Verifies_a_hash_made_by_another_pbkdf2_tool()
    {
        // python3: hashlib.pbkdf2_hmac('sha256', b'secret', b'0123456789abcdef', 1000) (README snippet).
        var salt = Convert.ToBase64String("0123456789abcdef"u8.ToArray());
        var derived = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("secret"u8.ToArray(), "0123456789abcdef"u8.ToArray(), 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        Assert.True(PasswordHash.TryParse($"pbkdf2-sha256$1000${salt}${Convert.ToBase64String(derived)}", out var hash, out _));
        Assert.True(hash.Verify("secret"));
    }

    [Fact]
    public void Verifies_the_readme_python_snippet_output()
    {
        // Made by the README's python3 snippet (iterations lowered to 1000) for "operator secret 42".
        Assert.True(PasswordHash.TryParse("pbkdf2-sha256$1000$+wmStJiE/uavDltK/kGI1g==$Jla9wlB4Fmk0q3GdlO+BS0TZa4xQQ6DPYgwgc/qYtrA=", out var hash, out _));
        Assert.True(hash.Verify("operator secret 42"));
        Assert.False(hash.Verify("operator secret 43"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret")]
    [InlineData("bcrypt$10$abc$def")]
    [InlineData("pbkdf2-sha256$0$MDEyMzQ1Njc4OWFiY2RlZg==$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")]
    [InlineData("pbkdf2-sha256$1000$not base64$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")]
    [InlineData("pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==")]
    public void Rejects_text_that_is_not_a_hash(string text)
    {
        Assert.False(PasswordHash.TryParse(text, out var hash, out var problem));
        Assert.Null(hash);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Credentials_need_both_user_name_and_password()
    {
        Assert.True(PasswordHash.TryParse(PasswordHash.Create("pw", 1_000), out var hash, out _));
        var credentials = new AdminCredentials("ops", hash);

        Assert.True(credentials.Check("ops", "pw"));
        Assert.False(credentials.Check("Ops", "pw"));
        Assert.False(credentials.Check("ops", "PW"));
        Assert.False(credentials.Check(null, null));
    }

    [Fact]
    public void Area_is_disabled_without_settings_or_with_a_bad_hash()
    {
        Assert.False(AdminArea.From(new AdminOptions()).IsEnabled);
        Assert.Equal("Admin area disabled: set Admin:Username and Admin:PasswordHash.", AdminArea.From(new AdminOptions { Username = "ops" }).DisabledReason);

        var bad = AdminArea.From(new AdminOptions { Username = "ops", PasswordHash = "plain-password" });
        Assert.False(bad.IsEnabled);
        Assert.Contains("not a valid hash", bad.DisabledReason);

        Assert.True(AdminArea.From(new AdminOptions { Username = "ops", PasswordHash = PasswordHash.Create("pw", 1_000) }).IsEnabled);
    }
}

public sealed class AdminPasswordCommandTests
{
    [Fact]
    public void Piped_password_prints_a_hash_that_verifies()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = AdminPasswordCommand.Run(new StringReader("a long enough secret\n"), output, error, interactive: false);

        Assert.Equal(0, code);
        Assert.True(PasswordHash.TryParse(output.ToString().Trim(), out var hash, out _));
        Assert.Equal(PasswordHash.DefaultIterations, hash.Iterations);
        Assert.True(hash.Verify("a long enough secret"));
    }

    [Fact]
    public void Short_password_is_refused()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(1, AdminPasswordCommand.Run(new StringReader("short\n"), output, error, interactive: false));
        Assert.Equal("", output.ToString());
        Assert.Contains("at least 12", error.ToString());
    }
}
