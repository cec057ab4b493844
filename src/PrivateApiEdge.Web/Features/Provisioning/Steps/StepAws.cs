using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>Small helpers every step uses around AWS calls.</summary>
internal static class StepAws
{
    /// <summary>The call's answer, or null when AWS says the thing is not there.</summary>
    public static async Task<T?> OrNullIfNotFoundAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>Runs a delete/revoke; "already gone" counts as done.</summary>
    public static async Task<bool> IgnoreNotFoundAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return false;
        }
    }

    /// <summary>Runs an authorize/put whose "already there" answer means the goal is reached; true when it added something.</summary>
    public static async Task<bool> IgnoreDuplicateAsync(Func<Task> call, params string[] duplicateCodes)
    {
        try
        {
            await call();
            return true;
        }
        catch (AwsApiException ex) when (duplicateCodes.Contains(ex.ErrorCode, StringComparer.Ordinal))
        {
            return false;
        }
    }

    public static bool Is(this AwsApiException ex, params string[] codes) => codes.Contains(ex.ErrorCode, StringComparer.Ordinal);

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
