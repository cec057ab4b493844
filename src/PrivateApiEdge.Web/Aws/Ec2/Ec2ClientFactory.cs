using Amazon.EC2;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>
/// EC2 adapters per session: the SDK client gets the resolver's endpoint as ServiceURL, the session's region for
/// signing and the session's credentials; its calls are metered against the session's deployment.
/// </summary>
public sealed class Ec2ClientFactory(AwsEndpointResolver endpoints, IAwsCredentialSource credentials, AwsCallMeter meter, TimeProvider timeProvider)
    : IAwsServiceClientFactory<IEc2Client>
{
    public IEc2Client Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var config = Ec2Client.CreateConfig(session.Region, endpoints.Resolve(AwsService.Ec2, session.Region));
        return new Ec2Client(
            new AmazonEC2Client(credentials.GetCredentials(session), config),
            new AwsSdkCallRunner(AwsService.Ec2, meter, session.DeploymentId, timeProvider));
    }
}
