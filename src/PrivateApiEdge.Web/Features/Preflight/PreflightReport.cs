namespace PrivateApiEdge.Web.Features.Preflight;

public enum PreflightSeverity
{
    Passed,
    Warning,
    Failed,
}

/// <summary>One check's verdict, with a fix the user can act on when it did not pass.</summary>
public sealed record PreflightFinding(string Check, PreflightSeverity Severity, string Message, string? FixHint = null)
{
    public static PreflightFinding Pass(string check, string message) => new(check, PreflightSeverity.Passed, message);

    public static PreflightFinding Warn(string check, string message, string fixHint) => new(check, PreflightSeverity.Warning, message, fixHint);

    public static PreflightFinding Fail(string check, string message, string fixHint) => new(check, PreflightSeverity.Failed, message, fixHint);
}

/// <summary>All findings of one preflight; provisioning may start only when <see cref="Passed"/>.</summary>
public sealed record PreflightReport(IReadOnlyList<PreflightFinding> Findings)
{
    /// <summary>The AWS account the checks ran in (STS GetCallerIdentity, through the assumed role if any); null when STS did not answer.</summary>
    public string? AccountId { get; init; }

    public bool Passed => Findings.All(f => f.Severity != PreflightSeverity.Failed);

    public IEnumerable<PreflightFinding> Failures => Findings.Where(f => f.Severity == PreflightSeverity.Failed);

    public IEnumerable<PreflightFinding> Warnings => Findings.Where(f => f.Severity == PreflightSeverity.Warning);

    public string Summary() => Passed
        ? $"All {Findings.Count} checks passed" + (Warnings.Any() ? $" ({Warnings.Count()} warning(s))." : ".")
        : string.Join(" ", Failures.Select(f => $"{f.Message} Fix: {f.FixHint}"));
}
