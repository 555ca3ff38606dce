using System.Net;
using CandleDashboard.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ProxySettingsTests
{
    [Fact]
    public void Nothing_configured_is_not_configured_and_valid()
    {
        var settings = new ProxySettings();

        Assert.False(settings.IsConfigured);
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void Configured_proxies_replace_the_framework_s_loopback_defaults()
    {
        var options = new ForwardedHeadersOptions();
        Assert.NotEmpty(options.KnownProxies); // the framework trusts ::1 and 127.0.0.0/8 by default

        new ProxySettings { KnownProxies = ["10.0.0.5"], KnownNetworks = ["192.168.0.0/16", "2001:db8::/32"], ForwardLimit = 2 }.ApplyTo(options);

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16"), System.Net.IPNetwork.Parse("2001:db8::/32")], options.KnownIPNetworks);
        Assert.Equal(2, options.ForwardLimit);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }

    [Fact]
    public void Bad_entries_are_named_with_their_setting()
    {
        var problems = new ProxySettings { KnownProxies = ["10.0.0.5", "proxy.local"], KnownNetworks = ["10.0.0.0/33"], ForwardLimit = 0 }.Problems();

        Assert.Equal(
        [
            "ForwardedHeaders:KnownProxies:1 'proxy.local' is not an IP address.",
            "ForwardedHeaders:KnownNetworks:0 '10.0.0.0/33' is not a network in CIDR form (e.g. 10.0.0.0/8).",
            "ForwardedHeaders:ForwardLimit must be at least 1.",
        ], problems);
    }
}
