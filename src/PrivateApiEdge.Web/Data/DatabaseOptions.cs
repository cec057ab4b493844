using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Data;

/// <summary>Portal database settings, bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (default, zero setup) or <see cref="DatabaseProvider.Postgres"/> (scale-out).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: <c>Data Source=...</c> (relative to the content root); PostgreSQL: an Npgsql connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/portal.db";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
