namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>EC2, through AWSSDK.EC2 (the only place that touches SDK types). Operations arrive with the AWS clients issue.</summary>
public interface IEc2Client
{
}
