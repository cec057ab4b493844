using System.Globalization;
using System.Net;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>An IPv4 CIDR block, for subnet address allocation.</summary>
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public static Ipv4Cidr Parse(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var bytes = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
        var prefix = int.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture);
        var address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return new Ipv4Cidr(address & Mask(prefix), prefix);
    }

    public uint Size => PrefixLength == 0 ? uint.MaxValue : 1u << (32 - PrefixLength);

    public bool Contains(string address)
    {
        var parsed = ToUInt(address);
        return (parsed & Mask(PrefixLength)) == Network;
    }

    /// <summary>The usable host addresses: AWS reserves the first four and the last address of every subnet.</summary>
    public IEnumerable<string> UsableAddresses()
    {
        for (var offset = 4u; offset < Size - 1; offset++)
        {
            yield return ToText(Network + offset);
        }
    }

    public static uint ToUInt(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    public static string ToText(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
}
