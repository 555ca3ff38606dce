using CandleDashboard.Web.Admin;

namespace CandleDashboard.Admin.Tests.Unit;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/admin/buffers", "/admin/buffers")]
    [InlineData("/charts/BTCUSDT/1m?x=1", "/charts/BTCUSDT/1m?x=1")]
    [InlineData(null, "/admin/buffers")]
    [InlineData("", "/admin/buffers")]
    [InlineData("https://evil.example/", "/admin/buffers")]
    [InlineData("//evil.example/", "/admin/buffers")]
    [InlineData("/\\evil.example/", "/admin/buffers")]
    [InlineData("javascript:alert(1)", "/admin/buffers")]
    [InlineData("admin/buffers", "/admin/buffers")]
    [InlineData("/\r\n//evil.example", "/admin/buffers")]
    public void Follows_only_local_paths(string? returnUrl, string expected)
    {
        Assert.Equal(expected, LocalReturnUrl.Sanitize(returnUrl));
    }

    [Fact]
    public void Throttle_allows_the_configured_attempts_per_client()
    {
        using var throttle = new LoginThrottle(attemptsPerMinute: 5);

        var first = Enumerable.Range(0, 6).Select(_ => throttle.TryAcquire("10.0.0.1")).ToList();

        Assert.Equal([true, true, true, true, true, false], first);
        Assert.True(throttle.TryAcquire("10.0.0.2"));
    }
}
