namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>The commercial regions offered by the form, and the partition an ARN in a region carries.</summary>
public static class AwsRegions
{
    /// <summary>CloudFront reads viewer certificates (and WAF web ACLs) only from this region.</summary>
    public const string CloudFrontRegion = "us-east-1";

    public static IReadOnlyList<string> All { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "ca-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1",
        "me-central-1", "af-south-1",
    ];

    public static string PartitionOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : "aws";
    }
}
