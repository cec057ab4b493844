namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>CloudFront (REST-XML, global, signs as us-east-1). Operations arrive with the AWS clients issue.</summary>
public interface ICloudFrontClient
{
}
