namespace PrivateApiEdge.Web.Features.Audit;

/// <summary>One thing somebody did (or tried to do) in the portal: who, what, when, on which deployment, and how it ended.</summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 128;
    public const int MaxActionLength = 64;
    public const int MaxDeploymentNameLength = 128;
    public const int MaxMessageLength = 1024;
    public const int MaxRemoteIpLength = 64;

    private AuditEntry()
    {
    }

    /// <param name="actor">The portal user id, or the name typed into a failed sign-in.</param>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="message">Why it was rejected or failed, or what changed.</param>
    /// <param name="deploymentId">The deployment acted on, if any.</param>
    /// <param name="deploymentName">Its name, when known (kept as it was at the time).</param>
    public AuditEntry(string actor, string action, AuditOutcome outcome, string? message = null, Guid? deploymentId = null, string? deploymentName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        Actor = Truncate(actor, MaxActorLength)!;
        Action = Truncate(action, MaxActionLength)!;
        Outcome = outcome;
        Message = Truncate(message, MaxMessageLength);
        DeploymentId = deploymentId;
        DeploymentName = Truncate(deploymentName, MaxDeploymentNameLength);
    }

    public long Id { get; private set; }

    /// <summary>Set by <see cref="AuditLog"/> from its clock.</summary>
    public DateTimeOffset At { get; internal set; }

    public string Actor { get; private set; } = "";

    public string Action { get; private set; } = "";

    public AuditOutcome Outcome { get; private set; }

    public string? Message { get; private set; }

    public Guid? DeploymentId { get; private set; }

    public string? DeploymentName { get; private set; }

    /// <summary>Set by <see cref="AuditLog"/> from the current request when the caller leaves it empty.</summary>
    public string? RemoteIp { get; internal set; }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

public enum AuditOutcome
{
    Succeeded,

    /// <summary>Refused: not allowed, not found, or contradicting the current state. Nothing changed.</summary>
    Rejected,

    /// <summary>Allowed, but failed while running (e.g. AWS was unreachable).</summary>
    Failed,
}

/// <summary>The action names the audit log records; filters match them exactly.</summary>
public static class AuditActions
{
    public const string CreateDeployment = "deployment.create";
    public const string Preflight = "deployment.preflight";
    public const string Resume = "deployment.resume";
    public const string RetryStep = "deployment.retry-step";
    public const string Teardown = "deployment.teardown";
    public const string EndpointTest = "deployment.endpoint-test";
    public const string SignIn = "account.sign-in";
    public const string SignOut = "account.sign-out";
    public const string SetupAdmin = "account.setup";
    public const string CreateAccount = "account.create";
    public const string ChangeRole = "account.change-role";
    public const string DisableAccount = "account.disable";
    public const string EnableAccount = "account.enable";
    public const string ResetPassword = "account.reset-password";

    public static IReadOnlyList<string> All { get; } =
    [
        CreateDeployment, Preflight, Resume, RetryStep, Teardown, EndpointTest,
        SignIn, SignOut, SetupAdmin, CreateAccount, ChangeRole, DisableAccount, EnableAccount, ResetPassword,
    ];
}
