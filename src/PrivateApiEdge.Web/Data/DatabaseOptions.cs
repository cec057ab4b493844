using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Data;

/// <summary>Portal database settings, bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, zero setup).</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/portal.db";
}
