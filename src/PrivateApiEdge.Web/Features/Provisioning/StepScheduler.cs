using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>Pure scheduling decisions over a plan and the persisted step records.</summary>
public static class StepScheduler
{
    /// <summary>
    /// Steps that may start now: pending, or waiting with their poll time reached, with every dependency complete.
    /// Nothing new starts once a step of the phase has failed (fail fast; the user decides what next).
    /// </summary>
    public static IReadOnlyList<string> ReadySteps(
        IReadOnlyList<StepDefinition> plan,
        IEnumerable<DeploymentStep> steps,
        DateTimeOffset now,
        IReadOnlySet<string> running)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(running);
        var byName = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        if (byName.Values.Any(s => s.Status == StepStatus.Failed))
        {
            return [];
        }

        return plan
            .Where(d => byName.TryGetValue(d.Name, out var step)
                && !running.Contains(d.Name)
                && IsDue(step, now)
                && d.DependsOn.All(dep => byName.TryGetValue(dep, out var s) && s.IsComplete))
            .Select(d => d.Name)
            .ToList();
    }

    /// <summary>When the engine must run again: the earliest poll time of a waiting step, or null when none waits.</summary>
    public static DateTimeOffset? EarliestWake(IEnumerable<DeploymentStep> steps, DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        foreach (var step in steps.Where(s => s.Status == StepStatus.Waiting))
        {
            var at = step.WaitUntil ?? now;
            if (earliest is null || at < earliest)
            {
                earliest = at;
            }
        }

        return earliest;
    }

    private static bool IsDue(DeploymentStep step, DateTimeOffset now) => step.Status switch
    {
        StepStatus.Pending => true,
        StepStatus.Waiting => step.WaitUntil is null || step.WaitUntil <= now,
        _ => false,
    };
}
