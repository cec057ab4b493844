using Npgsql;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>
/// Which database the integration suite runs on: SQLite files by default; PostgreSQL when
/// <c>PRIVATEAPIEDGE_TEST_DATABASE=Postgres</c> (./test.sh runs the suite a second time that way, against the
/// throwaway server from scripts/test-postgres.sh).
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("PRIVATEAPIEDGE_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connection string of the server's maintenance database.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("PRIVATEAPIEDGE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PRIVATEAPIEDGE_TEST_POSTGRES is not set: start a server with scripts/test-postgres.sh.");

    /// <summary>Creates an empty database of its own for one test host, so tests never see each other's rows.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = $"pae_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
