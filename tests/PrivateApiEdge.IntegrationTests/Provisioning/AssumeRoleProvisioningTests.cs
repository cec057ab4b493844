using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

/// <summary>A deployment in another account through AssumeRole, against the sandbox's STS, with every log line captured.</summary>
public sealed class AssumeRoleProvisioningTests
{
    private static readonly PortalUser Alice = new("alice@example.com", "Alice", IsAdmin: false);

    [Fact]
    public async Task A_deployment_through_an_assumed_role_preflights_in_that_account_and_its_credentials_appear_in_no_log_and_no_table()
    {
        var database = Path.Combine(Path.GetTempPath(), $"pae-assume-{Guid.NewGuid():N}.db");
        var logs = new CapturingLoggerProvider();
        var ct = TestContext.Current.CancellationToken;
        try
        {
            await using var portal = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
                .UseEnvironment("Development")
                .UseSetting("Database:ConnectionString", $"Data Source={database};Pooling=False")
                .UseSetting("BackgroundJobs:Storage", "InMemory")
                .UseSetting("BackgroundJobs:RunServer", "true")
                .UseSetting("Aws:Mode", "Sandbox")
                .UseSetting("Sandbox:LatencyProfile", "instant")
                .UseSetting("Sandbox:StateFile", "")
                .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
            using var client = portal.CreateClient();
            await using var scope = portal.Services.CreateAsyncScope();
            var deployments = scope.ServiceProvider.GetRequiredService<DeploymentService>();
            var request = DeploymentRequests.Demo("assumed") with
            {
                AssumeRoleArn = $"arn:aws:iam::{SandboxSeed.AccountId}:role/teams/payments-deployer",
                AssumeRoleExternalId = "payments-ext-4711",
            };

            var preflight = await deployments.PreflightAsync(request, Alice, ct);
            Assert.True(preflight.Passed, preflight.Summary());
            Assert.Equal(SandboxSeed.AccountId, preflight.AccountId);
            Assert.Contains(preflight.Findings, f => f.Check == "caller-identity" && f.Message.Contains(":assumed-role/", StringComparison.Ordinal));

            var created = await deployments.CreateAsync(request, Alice, ct);
            var provisioned = await WaitForAsync(deployments, created.Id, ct);
            Assert.True(provisioned.Status == DeploymentStatus.Succeeded, $"{provisioned.FailedStep}: {provisioned.Error}");
            Assert.True((await deployments.RunEndpointTestAsync(created.Id, Alice, ct)).Passed);

            // The very credentials every call signed with: the cached STS session of this role, external id and user.
            var session = request.AwsSessionFor(Alice.Id, created.Id);
            Assert.Equal("pae-alice@example.com", session.AssumeRole!.SessionName);
            var credentials = await portal.Services.GetRequiredService<IAwsCredentialSource>().GetCredentials(session).GetCredentialsAsync();
            Assert.StartsWith("ASIA", credentials.AccessKey, StringComparison.Ordinal);

            var everything = new StringBuilder();
            foreach (var line in logs.Lines)
            {
                everything.AppendLine(line);
            }

            var tables = DumpDatabase(database);
            Assert.Contains(request.AssumeRoleArn, tables, StringComparison.Ordinal);
            Assert.NotEmpty(logs.Lines);
            foreach (var secret in new[] { credentials.AccessKey, credentials.SecretKey, credentials.Token })
            {
                Assert.False(string.IsNullOrEmpty(secret));
                Assert.DoesNotContain(secret, everything.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(secret, tables, StringComparison.Ordinal);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    /// <summary>Every value of every row of every table, as text.</summary>
    private static string DumpDatabase(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    dump.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\t');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    private static Task<Deployment> WaitForAsync(DeploymentService deployments, Guid id, CancellationToken cancellationToken) =>
        Eventually.ReturnsAsync(
            async () => await deployments.GetAsync(id, Alice, cancellationToken) ?? throw new InvalidOperationException("gone"),
            deployment => deployment.IsFinished,
            $"deployment {id} to finish",
            TimeSpan.FromMinutes(3),
            deployment => $"{deployment.Status}: " + string.Join(", ", deployment.ActiveSteps.Where(s => !s.IsComplete).Select(s => $"{s.Name}={s.Status} {s.WaitReason}")),
            TimeSpan.FromMilliseconds(200));

    /// <summary>Keeps every formatted message, every structured value and every exception of every category.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IEnumerable<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
