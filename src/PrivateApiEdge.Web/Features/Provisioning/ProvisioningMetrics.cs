using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// The engine's instruments on the <see cref="PortalTelemetry.Name"/> meter: how long step executions take by step
/// and outcome, and how many advances (the Hangfire jobs doing work) and steps are in flight right now.
/// </summary>
public sealed class ProvisioningMetrics
{
    public const string StepDurationName = "privateapiedge.step.duration";
    public const string AdvancesInFlightName = "privateapiedge.advances.in_flight";
    public const string StepsInFlightName = "privateapiedge.steps.in_flight";

    private readonly Histogram<double> _stepDuration;
    private readonly UpDownCounter<long> _advancesInFlight;
    private readonly UpDownCounter<long> _stepsInFlight;

    public ProvisioningMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PortalTelemetry.Name);
        _stepDuration = meter.CreateHistogram<double>(StepDurationName, "s", "Duration of one execution of a provisioning or teardown step");
        _advancesInFlight = meter.CreateUpDownCounter<long>(AdvancesInFlightName, "{advance}", "Deployment advances (jobs) running on this instance");
        _stepsInFlight = meter.CreateUpDownCounter<long>(StepsInFlightName, "{step}", "Step executions running on this instance");
    }

    public void AdvanceStarted() => _advancesInFlight.Add(1);

    public void AdvanceEnded() => _advancesInFlight.Add(-1);

    public void StepStarted(string step, string phase) => _stepsInFlight.Add(1, new TagList { { PortalTelemetry.StepTag, step }, { PortalTelemetry.PhaseTag, phase } });

    public void StepEnded(string step, string phase, string outcome, TimeSpan duration)
    {
        _stepsInFlight.Add(-1, new TagList { { PortalTelemetry.StepTag, step }, { PortalTelemetry.PhaseTag, phase } });
        _stepDuration.Record(duration.TotalSeconds, new TagList { { PortalTelemetry.StepTag, step }, { PortalTelemetry.PhaseTag, phase }, { PortalTelemetry.OutcomeTag, outcome } });
    }
}
