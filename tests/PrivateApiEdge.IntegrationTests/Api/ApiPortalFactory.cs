using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>
/// The portal host for API tests: every Hangfire job the portal creates is recorded (and, with
/// <see cref="RunJobs"/>, processed), every log line of every level is kept, and the seeded demo account gives a
/// request that passes preflight.
/// </summary>
public class ApiPortalFactory : PortalAppFactory
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Whether a Hangfire server runs the jobs (the happy path) or they are only recorded.</summary>
    protected virtual bool RunJobs => false;

    public ConcurrentQueue<Job> EnqueuedJobs { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>Every line of every level is kept (<see cref="Logs"/>), besides the running test's output.</summary>
    protected override ILoggerFactory CreateLoggerFactory() =>
        LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(TestOutput).AddProvider(Logs));

    public static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..6]}";

    public int AwsCalls => Services.GetRequiredService<AwsCallMeter>().GetTotalSnapshot().Calls;

    public async Task<int> DeploymentCountAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Deployments.CountAsync();
    }

    /// <summary>The value of a real authentication cookie for the user, as the portal's sign-in would issue it.</summary>
    public string AuthenticationCookie(string user, params string[] roles)
    {
        var options = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        var ticket = new AuthenticationTicket(principal, CookieAuthenticationDefaults.AuthenticationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, TestContext.Current.CancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BackgroundJobs:RunServer", RunJobs.ToString());
        builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
            services.Remove(registered);
            services.AddSingleton<IBackgroundJobClient>(sp => new RecordingJobClient(Resolve(registered, sp), EnqueuedJobs));
        });
    }

    private static IBackgroundJobClient Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IBackgroundJobClient)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Passes every job on to Hangfire and remembers it.</summary>
    private sealed class RecordingJobClient(IBackgroundJobClient inner, ConcurrentQueue<Job> jobs) : IBackgroundJobClient
    {
        public string Create(Job job, IState state)
        {
            jobs.Enqueue(job);
            return inner.Create(job, state);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
    }
}

/// <summary>The same portal with a Hangfire server, so deployments created through the API really provision.</summary>
public sealed class ApiPortalWithJobsFactory : ApiPortalFactory
{
    protected override bool RunJobs => true;
}

/// <summary>Every formatted log line (with its exception) of every category and level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
