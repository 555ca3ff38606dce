using System.Net;
using System.Net.Sockets;

namespace CandleDashboard.Web.Security;

/// <summary>
/// The key the API rate limit and the admin login throttle count a client under. An IPv4 client
/// is its address (an IPv4-mapped IPv6 address is the same client, so it counts as its IPv4
/// form). An IPv6 client is its /64: one subscriber usually gets a whole /64 and can pick any of
/// its 2^64 addresses, so counting single IPv6 addresses would give one client unlimited tries.
/// </summary>
public static class ClientPartitionKey
{
    /// <summary>The shared partition of requests whose address the server does not know.</summary>
    public const string Unknown = "unknown";

    public static string For(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        // A new address from the bytes also drops any scope id (%eth0).
        return new IPAddress(bytes) + "/64";
    }
}
