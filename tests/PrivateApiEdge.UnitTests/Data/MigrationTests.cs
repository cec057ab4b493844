using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.UnitTests.Data;

/// <summary>Each provider's committed migrations must describe the current model, or the portal starts on a stale schema.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet dotnet-ef migrations add <Name> --context SqlitePortalDbContext -o Data/Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "run: dotnet dotnet-ef migrations add <Name> --context PostgresPortalDbContext -o Data/Migrations/Postgres");
    }
}
