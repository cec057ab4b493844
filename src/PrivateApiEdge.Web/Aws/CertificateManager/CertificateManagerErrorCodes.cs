namespace PrivateApiEdge.Web.Aws.CertificateManager;

/// <summary>ACM error codes (the model's error shape names) that preflight and the pickers branch on.</summary>
public static class CertificateManagerErrorCodes
{
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string InvalidArn = "InvalidArnException";
    public const string Throttling = "ThrottlingException";
}
