namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Whether an operation may be sent again after a failure whose outcome is unknown.</summary>
public enum AwsRetryMode
{
    /// <summary>
    /// Reads, and writes that AWS de-duplicates (a ClientToken/CallerReference, an If-Match ETag, UPSERT, a
    /// delete that reports "already gone"): retried on throttling, 5xx, timeouts and connection failures.
    /// </summary>
    Idempotent,

    /// <summary>
    /// Writes without an idempotency key: retried only when AWS certainly did not act (throttling, or a
    /// connection that never opened), since a retry after a 5xx or timeout could create a second resource.
    /// </summary>
    NotIdempotent,
}

/// <summary>An operation as named in the API model, plus how it may be retried.</summary>
public sealed record AwsOperation(string Name, AwsRetryMode Retry = AwsRetryMode.Idempotent);

/// <summary>Per-request option keys the pipeline reads (the operation for metering and retry decisions).</summary>
public static class AwsRequestOptions
{
    public static readonly HttpRequestOptionsKey<AwsOperation> Operation = new("PrivateApiEdge.Aws.Operation");
    public static readonly HttpRequestOptionsKey<AwsService> Service = new("PrivateApiEdge.Aws.Service");
}
