namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>CloudFront error codes (the model's error shape names) that steps and preflight branch on.</summary>
public static class CloudFrontErrorCodes
{
    /// <summary>The If-Match ETag is stale: read the resource again and retry with the fresh ETag.</summary>
    public const string PreconditionFailed = "PreconditionFailed";

    public const string InvalidIfMatchVersion = "InvalidIfMatchVersion";

    /// <summary>A distribution must be disabled (and deployed) before it can be deleted.</summary>
    public const string DistributionNotDisabled = "DistributionNotDisabled";

    /// <summary>E.g. a VPC origin still used by a distribution.</summary>
    public const string CannotDeleteEntityWhileInUse = "CannotDeleteEntityWhileInUse";

    public const string IllegalDelete = "IllegalDelete";

    /// <summary>E.g. an ACM certificate CloudFront cannot see yet (just issued) or that does not cover the aliases.</summary>
    public const string InvalidViewerCertificate = "InvalidViewerCertificate";

    public const string EntityNotFound = "EntityNotFound";
    public const string NoSuchDistribution = "NoSuchDistribution";
    public const string CnameAlreadyExists = "CNAMEAlreadyExists";
    public const string DistributionAlreadyExists = "DistributionAlreadyExists";
}
