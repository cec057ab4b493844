using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

/// <summary>
/// Each step's <see cref="DeploymentStep.AwsCalls"/> (published by the API and the UI) counts the AWS requests the
/// sandbox received from that step's code, also while other deployments are advanced at the same time (Hangfire
/// runs several workers in one process).
/// </summary>
public sealed class StepAwsCallAttributionTests
{
    [Fact]
    public async Task Each_step_counts_exactly_the_aws_requests_the_sandbox_received_for_it_while_two_deployments_advance_at_once()
    {
        // Arrange
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        using var requests = new SandboxRequestTrace();

        // One VPC holds one execute-api endpoint with private DNS: a first deployment creates it, the two measured
        // ones reuse it (as preflight proposes), so they can run at the same time.
        var shared = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("counted-shared"));
        Assert.Equal(DeploymentStatus.Succeeded, await sandbox.RunUntilSettledAsync(shared));
        var first = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("counted-a"));
        var second = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("counted-b"));

        // Act: both deployments' advances overlap in one host, as two Hangfire workers run them.
        await Task.WhenAll(sandbox.RunUntilSettledAsync(first), sandbox.RunUntilSettledAsync(second));

        // Assert
        var meter = sandbox.Services.GetRequiredService<AwsCallMeter>();
        foreach (var id in new[] { shared, first, second })
        {
            var deployment = await sandbox.LoadAsync(id);
            Assert.True(deployment.Status == DeploymentStatus.Succeeded, $"{deployment.Name} ended {deployment.Status}: {deployment.FailedStep}: {deployment.Error}");
            var received = requests.AwsRequestsByStep(id);
            Assert.NotEmpty(received);
            foreach (var step in deployment.Steps.Where(s => s.Phase == DeploymentPhase.Provision))
            {
                Assert.True(
                    received.GetValueOrDefault(step.Name) == step.AwsCalls,
                    $"Step '{step.Name}' of {deployment.Name} counted {step.AwsCalls} AWS calls; the sandbox received {received.GetValueOrDefault(step.Name)} from it.");
            }

            Assert.Equal(meter.GetSnapshot(id).Calls, deployment.AwsCalls);
        }
    }

    /// <summary>
    /// Traces every request the in-process sandbox serves back to the portal's step span that sent it: the
    /// sandbox's server span is a child (through W3C trace context on the wire) of the client span, which is a
    /// child of the <c>deployment.step</c> span.
    /// </summary>
    private sealed class SandboxRequestTrace : IDisposable
    {
        private readonly ConcurrentDictionary<(ActivityTraceId, ActivitySpanId), Activity> _spans = new();
        private readonly ConcurrentQueue<Activity> _served = new();
        private readonly ActivityListener _listener;

        public SandboxRequestTrace()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is PortalTelemetry.Name or "System.Net.Http" or "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = activity =>
                {
                    _spans[(activity.TraceId, activity.SpanId)] = activity;
                    if (activity.Kind == ActivityKind.Server)
                    {
                        _served.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>AWS requests (not the viewer requests of the endpoint test) the sandbox served, by the step that sent them.</summary>
        public Dictionary<string, int> AwsRequestsByStep(Guid deploymentId)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var served in _served)
            {
                if (!_spans.TryGetValue((served.TraceId, served.ParentSpanId), out var client) || client.Kind != ActivityKind.Client
                    || ((client.GetTagItem("url.full") as string) ?? client.DisplayName).Contains("/_sandbox/", StringComparison.Ordinal))
                {
                    continue;
                }

                var step = StepSpanOf(client);
                if (step is not null && (string?)step.GetTagItem(PortalTelemetry.DeploymentIdTag) == deploymentId.ToString())
                {
                    var name = (string)step.GetTagItem(PortalTelemetry.StepTag)!;
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
            }

            return counts;
        }

        public void Dispose() => _listener.Dispose();

        private Activity? StepSpanOf(Activity activity)
        {
            for (var current = activity; current is not null; current = ParentOf(current))
            {
                if (current.OperationName == "deployment.step")
                {
                    return current;
                }
            }

            return null;
        }

        private Activity? ParentOf(Activity activity) =>
            activity.Parent ?? (activity.ParentSpanId == default ? null : _spans.GetValueOrDefault((activity.TraceId, activity.ParentSpanId)));
    }
}
