using Amazon.SecurityToken;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>
/// STS adapters per session: the SDK client gets the resolver's endpoint as ServiceURL, the session's region for
/// signing and the session's credentials; its calls are metered against the session's deployment.
/// </summary>
public sealed class StsClientFactory(AwsEndpointResolver endpoints, IAwsCredentialSource credentials, AwsCallMeter meter, TimeProvider timeProvider)
    : IAwsServiceClientFactory<IStsClient>
{
    public IStsClient Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var config = StsClient.CreateConfig(session.Region, endpoints.Resolve(AwsService.Sts, session.Region));
        return new StsClient(
            new AmazonSecurityTokenServiceClient(credentials.GetCredentials(session), config),
            new AwsSdkCallRunner(AwsService.Sts, meter, session.DeploymentId, timeProvider));
    }
}
