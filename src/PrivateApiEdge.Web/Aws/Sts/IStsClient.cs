namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>STS, through AWSSDK.SecurityToken. Operations arrive with the AWS clients issue.</summary>
public interface IStsClient
{
}
