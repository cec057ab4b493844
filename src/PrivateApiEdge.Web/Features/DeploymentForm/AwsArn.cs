namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The six colon-separated parts of an ARN (<c>arn:partition:service:region:account:resource</c>), so the form can
/// say which part is wrong (service, region, partition, account) instead of only "not a valid ARN".
/// </summary>
public sealed record AwsArn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    /// <summary>Partitions AWS has; anything else in the second part is a typo or a forged ARN.</summary>
    public static IReadOnlyList<string> KnownPartitions { get; } =
        ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    public static bool TryParse(string? value, out AwsArn arn)
    {
        arn = new AwsArn("", "", "", "", "");
        if (value is null)
        {
            return false;
        }

        // The resource part may itself hold colons (e.g. a Lambda alias), so only the first five separate.
        var parts = value.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn")
        {
            return false;
        }

        arn = new AwsArn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    public bool HasAccountId => AccountId.Length == 12 && AccountId.All(char.IsAsciiDigit);
}
