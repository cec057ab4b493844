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
