using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>One attempt of one AWS call. A retried call appears once per attempt, as AWS bills and throttles it.</summary>
public sealed record AwsCallRecord(
    DateTimeOffset StartedAt,
    string Service,
    string Operation,
    Guid? DeploymentId,
    int? HttpStatus,
    string? ErrorCode,
    TimeSpan Duration)
{
    public bool Succeeded => ErrorCode is null && HttpStatus is >= 200 and < 300;
}

public sealed record AwsOperationStats(string Service, string Operation, int Calls, int Failures, TimeSpan TotalDuration, TimeSpan MaxDuration);

/// <summary>Totals for one deployment (or the portal's own calls, or everything), plus its latest calls.</summary>
public sealed record AwsCallSnapshot(
    int Calls,
    int Failures,
    int Throttled,
    TimeSpan TotalDuration,
    IReadOnlyList<AwsOperationStats> Operations,
    IReadOnlyList<AwsCallRecord> RecentCalls)
{
    public static AwsCallSnapshot Empty { get; } = new(0, 0, 0, TimeSpan.Zero, [], []);
}

/// <summary>
/// Counts every AWS call per deployment for the UI and the benchmarks, and publishes the same figures on the
/// <c>PrivateApiEdge.Aws</c> meter (<c>aws.client.calls</c>, <c>aws.client.duration</c>) and as
/// <see cref="PortalCallsName"/> on the portal's own meter, for OpenTelemetry.
/// </summary>
public sealed class AwsCallMeter
{
    public const string MeterName = "PrivateApiEdge.Aws";
    public const int RecentCallsKept = 200;

    /// <summary>The AWS call counter on the portal's own meter (tags aws.service, aws.operation, aws.status).</summary>
    public const string PortalCallsName = "privateapiedge.aws.calls";

    private readonly ConcurrentDictionary<Guid, CallLedger> _byDeployment = new();
    private readonly CallLedger _portal = new();
    private readonly CallLedger _all = new();
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _portalCalls;

    public AwsCallMeter(IMeterFactory meterFactory)
        : this(CreateMeter(meterFactory, MeterName), CreateMeter(meterFactory, PortalTelemetry.Name))
    {
    }

    /// <summary>A meter outside DI (tests, tools); its instruments live on unshared <see cref="Meter"/>s.</summary>
    public AwsCallMeter()
        : this(new Meter(MeterName), new Meter(PortalTelemetry.Name))
    {
    }

    private AwsCallMeter(Meter meter, Meter portalMeter)
    {
        _calls = meter.CreateCounter<long>("aws.client.calls", "{call}", "AWS API call attempts");
        _duration = meter.CreateHistogram<double>("aws.client.duration", "s", "Duration of AWS API call attempts");
        _portalCalls = portalMeter.CreateCounter<long>(PortalCallsName, "{call}", "AWS API call attempts by service, operation and status");
    }

    private static Meter CreateMeter(IMeterFactory meterFactory, string name)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        return meterFactory.Create(name);
    }

    /// <summary>Raised after each recorded call; handlers must be quick (they run on the calling thread).</summary>
    public event Action<AwsCallRecord>? CallRecorded;

    public void Record(AwsCallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _all.Add(call);
        (call.DeploymentId is { } id ? _byDeployment.GetOrAdd(id, static _ => new CallLedger()) : _portal).Add(call);

        var tags = new TagList
        {
            { "aws.service", call.Service },
            { "aws.operation", call.Operation },
            { "http.response.status_code", call.HttpStatus },
            { "error.type", call.ErrorCode },
        };
        _calls.Add(1, tags);
        _duration.Record(call.Duration.TotalSeconds, tags);

        // One status per answer: the AWS error code when there is one, else the HTTP status, else no answer at all.
        var status = call.ErrorCode ?? call.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        _portalCalls.Add(1, new TagList { { "aws.service", call.Service }, { "aws.operation", call.Operation }, { "aws.status", status } });
        CallRecorded?.Invoke(call);
    }

    public AwsCallSnapshot GetSnapshot(Guid deploymentId) =>
        _byDeployment.TryGetValue(deploymentId, out var ledger) ? ledger.Snapshot() : AwsCallSnapshot.Empty;

    /// <summary>Calls made outside any deployment (form pickers, preflight before a deployment exists).</summary>
    public AwsCallSnapshot GetPortalSnapshot() => _portal.Snapshot();

    public AwsCallSnapshot GetTotalSnapshot() => _all.Snapshot();

    /// <summary>Drops a deployment's figures (after it is deleted) so the meter does not grow forever.</summary>
    public void Forget(Guid deploymentId) => _byDeployment.TryRemove(deploymentId, out _);

    private sealed class CallLedger
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<(string Service, string Operation), AwsOperationStats> _operations = [];
        private readonly Queue<AwsCallRecord> _recent = new();
        private int _calls;
        private int _failures;
        private int _throttled;
        private TimeSpan _duration;

        public void Add(AwsCallRecord call)
        {
            lock (_lock)
            {
                _calls++;
                _failures += call.Succeeded ? 0 : 1;
                _throttled += call.ErrorCode is not null && AwsRetryClassifier.ThrottlingCodes.Contains(call.ErrorCode) ? 1 : 0;
                _duration += call.Duration;
                var key = (call.Service, call.Operation);
                var stats = _operations.GetValueOrDefault(key) ?? new AwsOperationStats(call.Service, call.Operation, 0, 0, TimeSpan.Zero, TimeSpan.Zero);
                _operations[key] = stats with
                {
                    Calls = stats.Calls + 1,
                    Failures = stats.Failures + (call.Succeeded ? 0 : 1),
                    TotalDuration = stats.TotalDuration + call.Duration,
                    MaxDuration = call.Duration > stats.MaxDuration ? call.Duration : stats.MaxDuration,
                };
                _recent.Enqueue(call);
                if (_recent.Count > RecentCallsKept)
                {
                    _recent.Dequeue();
                }
            }
        }

        public AwsCallSnapshot Snapshot()
        {
            lock (_lock)
            {
                return new AwsCallSnapshot(
                    _calls,
                    _failures,
                    _throttled,
                    _duration,
                    _operations.Values.OrderBy(o => o.Service, StringComparer.Ordinal).ThenBy(o => o.Operation, StringComparer.Ordinal).ToList(),
                    _recent.ToList());
            }
        }
    }
}
