namespace PrivateApiEdge.Web.Aws.Route53;

/// <summary>Route 53 (REST-XML, global). Operations arrive with the AWS clients issue.</summary>
public interface IRoute53Client
{
}
