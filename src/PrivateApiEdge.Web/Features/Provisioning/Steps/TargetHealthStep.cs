using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>Waits until the ALB sees every endpoint IP healthy (the health check accepts API Gateway's 403).</summary>
public sealed class TargetHealthStep : IProvisioningStep
{
    public string Name => StepNames.TargetHealth;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var arn = context.RequiredOutputOf(StepNames.TargetGroup, OutputKeys.TargetGroupArn);
        var health = await context.Aws.ElasticLoadBalancing.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = arn }, cancellationToken);
        var targets = health.TargetHealthDescriptions;
        if (targets.Count > 0 && targets.All(t => t.TargetHealth?.State == TargetHealth.Healthy))
        {
            return StepOutcome.Done(new Dictionary<string, string> { ["HealthyTargets"] = targets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var states = string.Join(", ", targets.Select(t => $"{t.Target.Id}: {t.TargetHealth?.State}{(t.TargetHealth?.Reason is { } reason ? $" ({reason})" : "")}"));
        return context.WaitOrGiveUp(new PollSchedule(WaitNames.TargetHealth, TimeSpan.FromSeconds(10)), TimeSpan.FromMinutes(15), $"healthy targets ({(states.Length == 0 ? "none registered" : states)})");
    }
}
