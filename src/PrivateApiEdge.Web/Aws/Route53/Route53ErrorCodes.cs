namespace PrivateApiEdge.Web.Aws.Route53;

/// <summary>Route 53 error codes (the model's error shape names) that callers branch on.</summary>
public static class Route53ErrorCodes
{
    public const string NoSuchHostedZone = "NoSuchHostedZone";

    /// <summary>A change batch was rejected as a whole; the message lists every rejected change.</summary>
    public const string InvalidChangeBatch = "InvalidChangeBatch";

    public const string NoSuchChange = "NoSuchChange";
    public const string InvalidInput = "InvalidInput";

    /// <summary>Another change to the zone is still being applied; retryable.</summary>
    public const string PriorRequestNotComplete = "PriorRequestNotComplete";
}
