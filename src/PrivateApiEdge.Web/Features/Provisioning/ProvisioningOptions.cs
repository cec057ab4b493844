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

    /// <summary>Multiplies every poll interval of the steps (1 on AWS; small for a fast emulator).</summary>
    [Range(0.0001, 100.0)]
    public double PollIntervalScale { get; set; } = 1.0;

    /// <summary>No poll is scheduled sooner than this after the previous one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinimumPollInterval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long each asynchronous operation (keys: <see cref="WaitNames"/>) usually takes: the first poll happens
    /// then, later polls back off. An operation without an entry is polled at its steady interval (AWS default).
    /// The in-process sandbox fills this from its latency profile.
    /// </summary>
    public Dictionary<string, TimeSpan> ExpectedDurations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Wake a waiting deployment with an in-process timer at the exact due time (the Hangfire scheduled job stays
    /// as the durable fallback, it only runs late by Hangfire's schedule polling).
    /// </summary>
    public bool PreciseWakeUp { get; set; } = true;
}
