namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>How a step that polls for AWS to finish something waits, and when it gives up.</summary>
internal static class StepWaits
{
    /// <summary>Fails a step that has waited longer than its budget, else asks to be polled again every <paramref name="pollEvery"/> (scaled).</summary>
    public static StepOutcome WaitOrGiveUp(this StepContext context, TimeSpan pollEvery, TimeSpan budget, string waitingFor)
    {
        var waited = context.Now - context.StartedAt;
        return waited > budget
            ? GiveUp(waited, waitingFor)
            : context.WaitFor(pollEvery, $"Waiting for {waitingFor}");
    }

    /// <summary>Fails a step that has waited longer than its budget, else asks to be polled again on the operation's schedule.</summary>
    public static StepOutcome WaitOrGiveUp(this StepContext context, PollSchedule schedule, TimeSpan budget, string waitingFor)
    {
        var waited = context.Now - context.StartedAt;
        return waited > budget
            ? GiveUp(waited, waitingFor)
            : context.WaitFor(schedule, $"Waiting for {waitingFor}");
    }

    private static StepOutcome GiveUp(TimeSpan waited, string waitingFor) =>
        StepOutcome.Failed($"Gave up after {(int)waited.TotalMinutes} min waiting for {waitingFor}.");
}
