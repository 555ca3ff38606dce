using System.Net;
using System.Net.Sockets;

namespace CandleDashboard.Web.Hubs;

/// <summary>
/// The key a client address is capped under: IPv4 as is, IPv4-mapped IPv6 as the IPv4 it is, and
/// IPv6 by its /64 prefix (one subscriber or host usually holds a whole /64, so counting single
/// IPv6 addresses would let one client take 2^64 slots).
/// </summary>
/// <remarks>
/// Behind a reverse proxy this is the proxy's address unless forwarded headers are configured,
/// as for the API's rate limit. (A shared partition-key helper for rate limiting is being added
/// elsewhere; the two are meant to be one at merge.)
/// </remarks>
internal static class ClientAddressKey
{
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
        return new IPAddress(bytes).ToString() + "/64";
    }
}
