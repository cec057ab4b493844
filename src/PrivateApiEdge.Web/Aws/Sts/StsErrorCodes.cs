namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>STS error codes preflight reports.</summary>
public static class StsErrorCodes
{
    public const string AccessDenied = "AccessDenied";
    public const string ExpiredToken = "ExpiredToken";
    public const string RegionDisabled = "RegionDisabledException";
}
