using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>ELBv2 clients per session over the shared signed, retrying, metered pipeline.</summary>
public sealed class ElasticLoadBalancingClientFactory(AwsHttpClientFactory httpClients) : IAwsServiceClientFactory<IElasticLoadBalancingClient>
{
    public IElasticLoadBalancingClient Create(AwsSession session) =>
        new ElasticLoadBalancingClient(httpClients.Connect(session, AwsService.ElasticLoadBalancingV2));
}
