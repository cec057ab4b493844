using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>Hangfire settings, bound from the <c>BackgroundJobs</c> section.</summary>
public sealed class BackgroundJobsOptions
{
    public const string SectionName = "BackgroundJobs";

    /// <summary>Whether this instance processes jobs (false = web only).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Hangfire workers on this instance. Steps never hold a worker while AWS works, so few suffice.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Where jobs are kept; unset follows <c>Database:Provider</c> (SQLite file or the same PostgreSQL).</summary>
    public BackgroundJobStorage? Storage { get; set; }

    /// <summary>
    /// How often an idle worker looks for enqueued jobs (SQLite and PostgreSQL storage; Hangfire's default is 15 s,
    /// which would delay every Deploy click and every precise wake-up by up to that much).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often due scheduled jobs are moved to the queue: the durable fallback behind the engine's precise wake-ups.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// PostgreSQL storage only: workers wait on LISTEN/NOTIFY, so a job enqueued by any instance (a Deploy click on a
    /// web instance) starts on a worker instance at once instead of at its next queue poll.
    /// </summary>
    public bool EnableLongPolling { get; set; } = true;

    /// <summary>
    /// How long a job taken by a worker that stopped heartbeating stays invisible to the others: a worker that dies
    /// mid-job leaves the job to another instance after this (Hangfire's default). PostgreSQL storage keeps it
    /// sliding while the worker lives, so a short value never runs a long job twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Path of the Hangfire SQLite file, relative to the content root unless rooted.</summary>
    [Required]
    public string SqliteConnectionString { get; set; } = "App_Data/hangfire.db";

    [Required]
    [RegularExpression("^/[a-z0-9/-]+$")]
    public string DashboardPath { get; set; } = "/hangfire";
}

public enum BackgroundJobStorage
{
    Sqlite,

    /// <summary>The portal's PostgreSQL database (schema <c>hangfire</c>): the distributed job engine for scale-out.</summary>
    Postgres,

    /// <summary>For tests only: jobs do not survive a restart.</summary>
    InMemory,
}
