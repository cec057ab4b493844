namespace PrivateApiEdge.Web.Aws.CertificateManager;

/// <summary>ACM (JSON 1.1). Operations arrive with the AWS clients issue.</summary>
public interface ICertificateManagerClient
{
}
