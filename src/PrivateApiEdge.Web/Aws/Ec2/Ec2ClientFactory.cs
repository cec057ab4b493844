using Amazon.EC2;
using Amazon.Runtime;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>
/// EC2 adapters per session: the SDK client gets the resolver's endpoint as ServiceURL, the session's region for
/// signing and the session's credentials; its calls are metered against the session's deployment.
/// </summary>
/// <param name="endpoints">Where EC2 is reached.</param>
/// <param name="credentials">Credentials per session.</param>
/// <param name="meter">Receives one record per call.</param>
/// <param name="timeProvider">Clock for call durations.</param>
/// <param name="transport">Replaces the SDK's HTTP transport (tests record what the SDK sends); null keeps the SDK's.</param>
public sealed class Ec2ClientFactory(
    AwsEndpointResolver endpoints,
    IAwsCredentialSource credentials,
    AwsCallMeter meter,
    TimeProvider timeProvider,
    HttpClientFactory? transport = null)
    : IAwsServiceClientFactory<IEc2Client>
{
    public IEc2Client Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var config = Ec2Client.CreateConfig(session.Region, endpoints.Resolve(AwsService.Ec2, session.Region));
        if (transport is not null)
        {
            config.HttpClientFactory = transport;
        }

        return new Ec2Client(
            new AmazonEC2Client(credentials.GetCredentials(session), config),
            new AwsSdkCallRunner(AwsService.Ec2, meter, session.DeploymentId, timeProvider, session.CallTally));
    }
}
