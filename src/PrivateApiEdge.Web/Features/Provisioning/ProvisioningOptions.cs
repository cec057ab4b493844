using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>Engine tuning, bound from the <c>Provisioning</c> section.</summary>
public sealed class ProvisioningOptions
{
    public const string SectionName = "Provisioning";

    /// <summary>How long an advance may hold a deployment without renewing; a crashed run's lock expires after it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Steps of one deployment running at the same time.</summary>
    [Range(1, 16)]
    public int MaxParallelSteps { get; set; } = 4;

    /// <summary>Delay before polling again after a throttling or 5xx answer that outlived the client's own retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TransientErrorDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Transient errors in a row after which the step fails.</summary>
    [Range(1, 100)]
    public int MaxConsecutiveTransientErrors { get; set; } = 8;
}
