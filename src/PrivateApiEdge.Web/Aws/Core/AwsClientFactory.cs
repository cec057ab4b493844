using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Aws.Sts;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Composes every API's <see cref="IAwsServiceClientFactory{TClient}"/> into the <see cref="AwsClients"/> of a session.
/// </summary>
/// <remarks>
/// The per-API factories are looked up when a session is created, not injected, so the portal starts (and DI
/// validates) while an API's client is still being written; a missing one fails with a clear message on use.
/// </remarks>
public sealed class AwsClientFactory(IServiceProvider services) : IAwsClientFactory
{
    public AwsClients Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var certificates = Get<ICertificateManagerClient>();
        return new AwsClients(
            Get<ICloudFrontClient>().Create(session),
            Get<IRoute53Client>().Create(session),
            certificates.Create(session),
            certificates.Create(session with { Region = AwsService.GlobalSigningRegion }),
            Get<IElasticLoadBalancingClient>().Create(session),
            Get<IApiGatewayClient>().Create(session),
            Get<IEc2Client>().Create(session),
            Get<IStsClient>().Create(session));
    }

    private IAwsServiceClientFactory<T> Get<T>()
        where T : class =>
        services.GetService<IAwsServiceClientFactory<T>>()
        ?? throw new InvalidOperationException($"No IAwsServiceClientFactory<{typeof(T).Name}> is registered (see Hosting/AwsAccessExtensions.cs).");
}
