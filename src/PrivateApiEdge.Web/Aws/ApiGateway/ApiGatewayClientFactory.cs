using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>API Gateway clients per session over the shared signed, retrying, metered pipeline.</summary>
public sealed class ApiGatewayClientFactory(AwsHttpClientFactory httpClients) : IAwsServiceClientFactory<IApiGatewayClient>
{
    public IApiGatewayClient Create(AwsSession session) =>
        new ApiGatewayClient(httpClients.Connect(session, AwsService.ApiGateway));
}
