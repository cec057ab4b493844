using Amazon.Runtime;
using Amazon.SecurityToken;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>
/// STS adapters per session: the SDK client gets the resolver's endpoint as ServiceURL, the session's region for
/// signing and the session's credentials; its calls are metered against the session's deployment.
/// </summary>
/// <param name="endpoints">Where STS is reached.</param>
/// <param name="credentials">Credentials per session.</param>
/// <param name="meter">Receives one record per call.</param>
/// <param name="timeProvider">Clock for call durations.</param>
/// <param name="transport">Replaces the SDK's HTTP transport (tests record what the SDK sends); null keeps the SDK's.</param>
public sealed class StsClientFactory(
    AwsEndpointResolver endpoints,
    IAwsCredentialSource credentials,
    AwsCallMeter meter,
    TimeProvider timeProvider,
    HttpClientFactory? transport = null)
    : IAwsServiceClientFactory<IStsClient>
{
    public IStsClient Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var config = StsClient.CreateConfig(session.Region, endpoints.Resolve(AwsService.Sts, session.Region));
        if (transport is not null)
        {
            config.HttpClientFactory = transport;
        }

        return new StsClient(
            new AmazonSecurityTokenServiceClient(credentials.GetCredentials(session), config),
            new AwsSdkCallRunner(AwsService.Sts, meter, session.DeploymentId, timeProvider, session.CallTally));
    }
}
