namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>What one execution of a step achieved.</summary>
public abstract record StepOutcome
{
    public static StepOutcome Done(IReadOnlyDictionary<string, string>? outputs = null) =>
        new StepDone(outputs ?? new Dictionary<string, string>());

    /// <summary>AWS is still working: poll again at <paramref name="until"/>. No worker waits in between.</summary>
    public static StepOutcome Wait(DateTimeOffset until, string reason) => new StepWait(until, reason);

    public static StepOutcome Failed(string error) => new StepFailed(error);
}

public sealed record StepDone(IReadOnlyDictionary<string, string> Outputs) : StepOutcome;

public sealed record StepWait(DateTimeOffset Until, string Reason) : StepOutcome;

public sealed record StepFailed(string Error) : StepOutcome;
