using Microsoft.Data.Sqlite;

namespace PrivateApiEdge.Web.Data;

/// <summary>Makes relative SQLite paths independent of the working directory.</summary>
public static class SqliteConnectionStrings
{
    public static string RootedAt(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:" || string.IsNullOrEmpty(builder.DataSource))
        {
            return connectionString;
        }

        var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        return builder.ToString();
    }

    public static string RootedFilePath(string path, string contentRoot)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
