using System.Net;
using System.Net.Sockets;

namespace PrivateApiEdge.Web.Features.EndpointTest;

/// <summary>How the endpoint test resolves a viewer's host name (a seam, so tests can make a domain resolve anywhere).</summary>
public interface IViewerDnsResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class SystemViewerDnsResolver : IViewerDnsResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>The endpoint test refused to connect: the user-supplied domain resolved to an address that is not public.</summary>
public sealed class NonPublicAddressException(string host, IPAddress address, string why)
    : IOException($"{host} resolves to {address}, {why}; the endpoint test only connects to public addresses.")
{
    public IPAddress Address { get; } = address;
}

/// <summary>
/// The HTTP handlers of the endpoint test. Neither follows redirects: the domain and its DNS are the user's, so a
/// redirect is reported as the answer, never followed to wherever it points. Viewer requests (AWS mode) connect only
/// to public addresses, checked on the address actually dialled, so a DNS answer that changes between a check and
/// the connect (DNS rebinding) cannot slip through. The sandbox's data path is on loopback on purpose and is reached
/// through its own handler.
/// </summary>
public static class ViewerConnections
{
    public const string ViewerClient = "EndpointTester.Viewer";
    public const string DataPathClient = "EndpointTester.DataPath";

    public static SocketsHttpHandler CreateViewerHandler(IViewerDnsResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = (context, cancellationToken) => ConnectToPublicAddressAsync(resolver, context, cancellationToken),
        };
    }

    public static SocketsHttpHandler CreateDataPathHandler() => new() { AllowAutoRedirect = false, UseCookies = false };

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(IViewerDnsResolver resolver, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // One non-public answer refuses the lot: a CloudFront name never resolves to one, so it is a mistake or an attack.
        foreach (var address in addresses)
        {
            if (PublicAddresses.WhyNotPublic(address) is { } why)
            {
                throw new NonPublicAddressException(host, address, why);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
