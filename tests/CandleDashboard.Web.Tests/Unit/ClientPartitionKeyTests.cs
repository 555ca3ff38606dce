using System.Net;
using CandleDashboard.Web.Security;

namespace CandleDashboard.Web.Tests.Unit;

public sealed class ClientPartitionKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    [InlineData("::1", "::/64")]
    public void Key_is_the_ipv4_address_or_the_ipv6_64(string address, string key) =>
        Assert.Equal(key, ClientPartitionKey.For(IPAddress.Parse(address)));

    [Fact]
    public void Addresses_in_one_ipv6_64_share_a_key_and_the_next_64_does_not()
    {
        var a = ClientPartitionKey.For(IPAddress.Parse("2001:db8:0:7::1"));
        var b = ClientPartitionKey.For(IPAddress.Parse("2001:db8:0:7:ffff:ffff:ffff:ffff"));
        var next = ClientPartitionKey.For(IPAddress.Parse("2001:db8:0:8::1"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, next);
    }

    [Fact]
    public void Ipv4_mapped_and_plain_ipv4_are_one_client_and_neighbours_are_not()
    {
        Assert.Equal(ClientPartitionKey.For(IPAddress.Parse("198.51.100.4")), ClientPartitionKey.For(IPAddress.Parse("::ffff:198.51.100.4")));
        Assert.NotEqual(ClientPartitionKey.For(IPAddress.Parse("198.51.100.4")), ClientPartitionKey.For(IPAddress.Parse("198.51.100.5")));
    }

    [Fact]
    public void Unknown_address_has_its_own_key() => Assert.Equal(ClientPartitionKey.Unknown, ClientPartitionKey.For(null));
}
