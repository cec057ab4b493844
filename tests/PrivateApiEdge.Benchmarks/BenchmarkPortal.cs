using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.Benchmarks;

/// <summary>
/// The real portal (its Program, configuration, Hangfire server, engine and progress feed) in this process, on
/// fresh database files, pointed at a sandbox: the external process when given, else the in-process one.
/// </summary>
/// <remarks>Owns <see cref="DataDirectory"/> (the folder the settings point the databases at) and deletes it when disposed.</remarks>
public sealed class BenchmarkPortal(string dataDirectory, IReadOnlyDictionary<string, string?> settings, Uri? externalSandbox) : WebApplicationFactory<Program>
{
    static BenchmarkPortal()
    {
        // WebApplicationFactory guesses the portal's content root from the working directory; name it instead, so
        // the benchmark runs from anywhere (the variable is the factory's documented override).
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PrivateApiEdge.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))
                ?? throw new InvalidOperationException("Run the benchmark from the repository's build output (PrivateApiEdge.sln not found above it).");
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PRIVATEAPIEDGE_WEB", Path.Combine(root, "src", "PrivateApiEdge.Web"));
    }

    public string DataDirectory { get; } = dataDirectory;

    public static string CreateDataDirectory() => Directory.CreateTempSubdirectory("privateapiedge-bench-").FullName;

    /// <summary>Settings for a portal that processes jobs with its defaults, over SQLite files in <paramref name="dataDirectory"/>.</summary>
    public static Dictionary<string, string?> SqliteSettings(string dataDirectory, string profile) => new(StringComparer.Ordinal)
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "portal.db")}",
        ["BackgroundJobs:SqliteConnectionString"] = Path.Combine(dataDirectory, "hangfire.db"),
        ["Aws:Mode"] = "Sandbox",
        ["Sandbox:LatencyProfile"] = profile,
        ["Sandbox:StateFile"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Hangfire"] = "Error",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Benchmark");
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (externalSandbox is not null)
        {
            builder.ConfigureServices(services =>
            {
                // Replace the in-process sandbox with the external one: same sandbox mode, other process.
                var inProcess = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "InProcessSandboxService").ToList();
                foreach (var descriptor in inProcess)
                {
                    services.Remove(descriptor);
                }

                var endpoint = new CurrentAwsMode { Mode = AwsMode.Sandbox };
                endpoint.SetBaseAddress(externalSandbox);
                services.AddSingleton(endpoint);
            });
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDataDirectory();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataDirectory();
        }
    }

    private void DeleteDataDirectory()
    {
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; a leftover temp folder is harmless.
        }
    }
}
