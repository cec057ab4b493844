using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Retry and timeout settings for every AWS call. Bound from <c>Aws:Retry</c>.</summary>
public sealed class AwsRetryOptions
{
    public const string SectionName = "Aws:Retry";

    /// <summary>Retries after the first attempt (the SDKs' standard mode allows 3 attempts; control-plane throttling needs more).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Base of the exponential backoff with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one attempt; a timed-out idempotent attempt is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
