using PrivateApiEdge.Web.Features.Users;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

/// <summary>What operators see of a provisioning run: OpenTelemetry spans and metrics, and scoped log lines.</summary>
public sealed class ProvisioningTelemetryTests
{
    [Fact]
    public async Task A_provisioning_run_emits_step_durations_aws_calls_in_flight_counts_and_spans_tagged_with_the_deployment()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            // Only this fixture's meters: other tests in the process publish on meters of the same name.
            if (instrument.Meter.Name == PortalTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, sandbox.MeterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        meters.Start();
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PortalTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("telemetry"));

        var status = await sandbox.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        var deployment = await sandbox.LoadAsync(id);
        var ours = spans.Where(s => (string?)s.GetTagItem(PortalTelemetry.DeploymentIdTag) == id.ToString()).ToList();
        Assert.Contains(ours, s => s.OperationName == "deployment.advance" && (string?)s.GetTagItem(PortalTelemetry.OutcomeTag) == nameof(AdvanceOutcome.Advanced));
        var stepSpans = ours.Where(s => s.OperationName == "deployment.step").ToList();
        Assert.All(deployment.Steps, step => Assert.Contains(stepSpans, s => (string?)s.GetTagItem(PortalTelemetry.StepTag) == step.Name && (string?)s.GetTagItem(PortalTelemetry.OutcomeTag) == "done"));
        Assert.All(stepSpans, s => Assert.NotNull(s.Parent));

        var stepDurations = measurements.Where(m => m.Instrument == ProvisioningMetrics.StepDurationName).ToList();
        Assert.All(deployment.Steps, step => Assert.Contains(stepDurations, m => (string?)m.Tags[PortalTelemetry.StepTag] == step.Name && (string?)m.Tags[PortalTelemetry.OutcomeTag] == "done"));
        var awsCalls = measurements.Where(m => m.Instrument == AwsCallMeter.PortalCallsName).ToList();
        Assert.Contains(awsCalls, m => (string?)m.Tags["aws.service"] == "cloudfront" && ((string?)m.Tags["aws.operation"])!.StartsWith("CreateDistribution", StringComparison.Ordinal) && (string?)m.Tags["aws.status"] is "200" or "201");
        Assert.InRange(awsCalls.Count, deployment.AwsCalls, int.MaxValue);

        // In-flight counters go up while an advance or a step runs and come back to zero once it is done.
        foreach (var name in new[] { ProvisioningMetrics.AdvancesInFlightName, ProvisioningMetrics.StepsInFlightName })
        {
            var changes = measurements.Where(m => m.Instrument == name).Select(m => m.Value).ToList();
            Assert.Contains(1, changes);
            Assert.Equal(0, changes.Sum());
        }
    }

    [Fact]
    public async Task Every_log_line_written_while_a_deployment_is_advanced_carries_its_id_and_inside_a_step_the_step()
    {
        var logs = new RecordingLoggerProvider();
        await using var sandbox = await SandboxEngineFixture.StartAsync(logs: logs);
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("logged"));
        var before = logs.Lines.Count;

        var status = await sandbox.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        var during = logs.Lines.Skip(before).ToList();
        Assert.Contains(during, l => l.Category == typeof(ProvisioningEngine).FullName);
        Assert.Contains(during, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        var unscoped = during.Where(l => !Equals(l.Scopes.GetValueOrDefault(DeploymentLogScope.DeploymentIdKey), id)).ToList();
        Assert.True(unscoped.Count == 0, $"{unscoped.Count} of {during.Count} lines lack the deployment id, e.g. {unscoped.FirstOrDefault()}");
        var stepLines = during.Where(l => l.Scopes.ContainsKey(DeploymentLogScope.StepKey)).ToList();
        Assert.Contains(stepLines, l => (string?)l.Scopes[DeploymentLogScope.StepKey] == StepNames.Distribution);
        Assert.Contains(stepLines, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_log_line_of_a_user_action_on_a_deployment_carries_its_id()
    {
        var logs = new RecordingLoggerProvider();
        await using var sandbox = await SandboxEngineFixture.StartAsync(logs: logs);
        var service = sandbox.CreateDeploymentService(new BackgroundJobClient(new InMemoryStorage()));
        var created = await service.CreateAsync(DeploymentRequests.Demo("acted-on"), new PortalUser("alice", "Alice", IsAdmin: false), TestContext.Current.CancellationToken);
        var before = logs.Lines.Count;

        await service.TeardownAsync(created.Id, new PortalUser("alice", "Alice", IsAdmin: false), TestContext.Current.CancellationToken);

        var during = logs.Lines.Skip(before).ToList();
        Assert.Contains(during, l => l.Category == typeof(DeploymentService).FullName && l.Message.Contains("Teardown", StringComparison.Ordinal));
        Assert.Contains(during, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.All(during, l => Assert.Equal(created.Id, l.Scopes.GetValueOrDefault(DeploymentLogScope.DeploymentIdKey)));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}
