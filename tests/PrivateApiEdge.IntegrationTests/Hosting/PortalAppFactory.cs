using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivateApiEdge.IntegrationTests.Auth;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>
/// The real portal host: a fresh SQLite file in a temp folder, the in-process sandbox on a free loopback port,
/// Hangfire on in-memory storage without a server (tests run jobs themselves), and a header-driven test user.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public PortalAppFactory()
        : this(Directory.CreateTempSubdirectory("privateapiedge-tests-").FullName, BackgroundJobStorage.InMemory)
    {
    }

    private PortalAppFactory(string dataDirectory, BackgroundJobStorage jobStorage, bool ownsDataDirectory = true)
    {
        DataDirectory = dataDirectory;
        JobStorage = jobStorage;
        _ownsDataDirectory = ownsDataDirectory;
    }

    private const string TestOrCookieScheme = "TestOrCookie";

    private readonly bool _ownsDataDirectory;

    /// <summary>A host over an existing data folder, e.g. to restart the portal on the same files.</summary>
    /// <summary>A host on an existing PostgreSQL database, e.g. one of several instances sharing it.</summary>
    public static PortalAppFactory OnPostgres(string connectionString, BackgroundJobStorage jobStorage, bool ownsDatabase) =>
        new(Directory.CreateTempSubdirectory("privateapiedge-tests-").FullName, jobStorage, ownsDatabase) { PostgresConnectionString = connectionString };

    /// <remarks>On PostgreSQL, pass the first host's <see cref="PostgresConnectionString"/> to reopen its database.</remarks>
    public static PortalAppFactory OnDataDirectory(string dataDirectory, BackgroundJobStorage jobStorage, bool ownsDataDirectory, string? postgresConnectionString = null) =>
        new(dataDirectory, jobStorage, ownsDataDirectory) { PostgresConnectionString = postgresConnectionString };

    public string DataDirectory { get; }

    /// <summary>The portal's log in the running test's output (see <see cref="TestOutputLoggerProvider"/>).</summary>
    public TestOutputLoggerProvider TestOutput { get; } = new();

    /// <summary>This host's first-run token for /account/setup (random per host: no fixed secret anywhere).</summary>
    public string BootstrapToken { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public BackgroundJobStorage JobStorage { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

    /// <summary>Set when the suite runs on PostgreSQL: this host's own database on the throwaway server.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>A client signed in as <paramref name="user"/> with the given roles (through the test handler); redirects are not followed.</summary>
    public HttpClient CreateClientFor(string user, params string[] roles)
    {
        TestOutput.FollowCurrentTest();
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, user);
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, string.Join(',', roles));
        return client;
    }

    /// <summary>A client nobody is signed in on; redirects (e.g. to the sign-in page) are not followed.</summary>
    public HttpClient CreateAnonymousClient()
    {
        TestOutput.FollowCurrentTest();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>
    /// The host's one logger factory, never disposed: Hangfire logs through a process-wide provider bound to the
    /// latest host's factory, so it may outlive its host. Subclasses add providers (e.g. to record every line).
    /// </summary>
    protected virtual ILoggerFactory CreateLoggerFactory() =>
        LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(TestOutput));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development, ASP.NET serves static web assets (blazor.web.js, MudBlazor) only from a publish
        // folder; tests run from the build output, so opt in to the build-time manifest as Development does.
        builder.UseStaticWebAssets();
        if (PostgresConnectionString is not null || TestDatabase.IsPostgres)
        {
            PostgresConnectionString ??= TestDatabase.CreatePostgresDatabase();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", PostgresConnectionString);
        }
        else
        {
            builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath}");
        }

        var jobStorage = JobStorage == BackgroundJobStorage.Sqlite && PostgresConnectionString is not null ? BackgroundJobStorage.Postgres : JobStorage;
        builder.UseSetting("BackgroundJobs:Storage", jobStorage.ToString());
        builder.UseSetting("BackgroundJobs:SqliteConnectionString", Path.Combine(DataDirectory, "hangfire.db"));
        builder.UseSetting("BackgroundJobs:RunServer", "false");
        builder.UseSetting("Aws:Mode", "Sandbox");
        builder.UseSetting("Sandbox:LatencyProfile", "instant");
        builder.UseSetting("Sandbox:StateFile", "");
        builder.UseSetting("Authentication:Bootstrap:Token", BootstrapToken);
        builder.ConfigureServices(services =>
        {
            // Hangfire logs through a process-wide provider bound to the latest host's LoggerFactory; with many
            // hosts per test process that factory may already be disposed. A never-disposed factory per host
            // (DI does not dispose instances it was handed) keeps host disposal order irrelevant.
            services.AddSingleton(CreateLoggerFactory());
            // Requests run in the calling test's execution context, so their log lines reach that test's output.
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
            // A request naming a test user (X-Test-User) is that user; any other request goes through the portal's
            // real cookie sign-in, so anonymous requests are redirected to the sign-in page as in production.
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestOrCookieScheme, TestOrCookieScheme, policy => policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestAuthHandler.UserHeader) ? TestAuthHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestOrCookieScheme;
                options.DefaultAuthenticateScheme = TestOrCookieScheme;
                options.DefaultChallengeScheme = TestOrCookieScheme;
                options.DefaultForbidScheme = TestOrCookieScheme;
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory && PostgresConnectionString is not null)
        {
            TestDatabase.DropPostgresDatabase(PostgresConnectionString);
        }

        if (disposing && _ownsDataDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a lingering handle only leaves a temp folder behind; not worth failing a test.
            }
        }
    }
}
