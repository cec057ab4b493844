using System.Diagnostics.Metrics;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsCallMeterTests
{
    private static AwsCallRecord Call(Guid? deploymentId, string operation, int? status, string? code = null) =>
        new(DateTimeOffset.UnixEpoch, "cloudfront", operation, deploymentId, status, code, TimeSpan.FromMilliseconds(10));

    [Fact]
    public void Calls_are_kept_apart_per_deployment_and_for_the_portal()
    {
        var meter = new AwsCallMeter();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        meter.Record(Call(a, "GetDistribution", 200));
        meter.Record(Call(a, "GetDistribution", 400, "Throttling"));
        meter.Record(Call(b, "CreateVpcOrigin", 202));
        meter.Record(Call(null, "ListDistributions", 200));

        var snapshotA = meter.GetSnapshot(a);
        Assert.Equal((2, 1, 1), (snapshotA.Calls, snapshotA.Failures, snapshotA.Throttled));
        Assert.Equal(TimeSpan.FromMilliseconds(20), snapshotA.TotalDuration);
        Assert.Equal(("GetDistribution", 2, 1), (snapshotA.Operations.Single().Operation, snapshotA.Operations.Single().Calls, snapshotA.Operations.Single().Failures));
        Assert.Equal(1, meter.GetSnapshot(b).Calls);
        Assert.Equal(1, meter.GetPortalSnapshot().Calls);
        Assert.Equal(4, meter.GetTotalSnapshot().Calls);
        Assert.Same(AwsCallSnapshot.Empty, meter.GetSnapshot(Guid.NewGuid()));
    }

    [Fact]
    public void Only_the_latest_calls_are_kept_and_a_deployment_can_be_forgotten()
    {
        var meter = new AwsCallMeter();
        var id = Guid.NewGuid();
        for (var i = 0; i < AwsCallMeter.RecentCallsKept + 5; i++)
        {
            meter.Record(Call(id, $"Op{i}", 200));
        }

        var snapshot = meter.GetSnapshot(id);
        Assert.Equal(AwsCallMeter.RecentCallsKept + 5, snapshot.Calls);
        Assert.Equal(AwsCallMeter.RecentCallsKept, snapshot.RecentCalls.Count);
        Assert.Equal("Op5", snapshot.RecentCalls[0].Operation);

        meter.Forget(id);
        Assert.Equal(0, meter.GetSnapshot(id).Calls);
    }

    [Fact]
    public void Calls_are_published_on_the_metrics_meter_and_raised_as_events()
    {
        var meter = new AwsCallMeter();
        // Concurrent: parallel tests publish on meters of the same name, and this listener hears them all.
        var measured = new System.Collections.Concurrent.ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AwsCallMeter.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.Start();
        AwsCallRecord? raised = null;
        meter.CallRecorded += call => raised = call;

        meter.Record(Call(null, "GetChange", 200));

        Assert.Contains(("aws.client.calls", 1d), measured);
        Assert.Contains(measured, m => m.Instrument == "aws.client.duration" && Math.Abs(m.Value - 0.01) < 1e-9);
        Assert.Equal("GetChange", raised?.Operation);
    }
}
