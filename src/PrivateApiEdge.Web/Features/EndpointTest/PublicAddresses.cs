using System.Net;
using System.Net.Sockets;

namespace PrivateApiEdge.Web.Features.EndpointTest;

/// <summary>
/// Whether an address is on the public internet. The endpoint test connects to a user-supplied domain whose DNS the
/// user controls, so it must never reach the portal's own host, its network or the instance metadata service.
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int Prefix, string What)[] NonPublic =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "a 'this network' address (0.0.0.0/8)"),
        (IPAddress.Parse("10.0.0.0"), 8, "a private address (RFC 1918, 10.0.0.0/8)"),
        (IPAddress.Parse("100.64.0.0"), 10, "a carrier-grade NAT address (100.64.0.0/10)"),
        (IPAddress.Parse("127.0.0.0"), 8, "a loopback address (127.0.0.0/8)"),
        (IPAddress.Parse("169.254.0.0"), 16, "a link-local address (169.254.0.0/16, where the instance metadata service answers)"),
        (IPAddress.Parse("172.16.0.0"), 12, "a private address (RFC 1918, 172.16.0.0/12)"),
        (IPAddress.Parse("192.0.0.0"), 24, "an IETF protocol assignment (192.0.0.0/24)"),
        (IPAddress.Parse("192.0.2.0"), 24, "a documentation address (192.0.2.0/24)"),
        (IPAddress.Parse("192.168.0.0"), 16, "a private address (RFC 1918, 192.168.0.0/16)"),
        (IPAddress.Parse("198.18.0.0"), 15, "a benchmarking address (198.18.0.0/15)"),
        (IPAddress.Parse("198.51.100.0"), 24, "a documentation address (198.51.100.0/24)"),
        (IPAddress.Parse("203.0.113.0"), 24, "a documentation address (203.0.113.0/24)"),
        (IPAddress.Parse("224.0.0.0"), 4, "a multicast address (224.0.0.0/4)"),
        (IPAddress.Parse("240.0.0.0"), 4, "a reserved address (240.0.0.0/4)"),
        (IPAddress.Parse("::"), 128, "the unspecified address (::)"),
        (IPAddress.Parse("::1"), 128, "a loopback address (::1)"),
        (IPAddress.Parse("64:ff9b:1::"), 48, "a local-use NAT64 address (64:ff9b:1::/48)"),
        (IPAddress.Parse("100::"), 64, "a discard-only address (100::/64)"),
        (IPAddress.Parse("2001:db8::"), 32, "a documentation address (2001:db8::/32)"),
        (IPAddress.Parse("fc00::"), 7, "a unique local address (IPv6 ULA, fc00::/7)"),
        (IPAddress.Parse("fe80::"), 10, "a link-local address (fe80::/10)"),
        (IPAddress.Parse("fec0::"), 10, "a site-local address (fec0::/10)"),
        (IPAddress.Parse("ff00::"), 8, "a multicast address (ff00::/8)"),
    ];

    /// <summary>Why <paramref name="address"/> is not public (e.g. "a loopback address (127.0.0.0/8)"), or null when it is.</summary>
    public static string? WhyNotPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        // ::ffff:10.0.0.1 and friends reach the IPv4 host, so they are judged as IPv4.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return "not an IP address";
        }

        return NonPublic.FirstOrDefault(n => n.Network.AddressFamily == address.AddressFamily && InNetwork(address, n.Network, n.Prefix)).What;
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var full = prefix / 8;
        if (!a.AsSpan(0, full).SequenceEqual(n.AsSpan(0, full)))
        {
            return false;
        }

        var rest = prefix % 8;
        var mask = (byte)(0xFF << (8 - rest));
        return rest == 0 || (a[full] & mask) == (n[full] & mask);
    }
}
