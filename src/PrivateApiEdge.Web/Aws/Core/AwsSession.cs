namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Who calls AWS, where, and on whose behalf: the unit a set of clients is built for (like an SDK client's
/// credentials + region). One per deployment run.
/// </summary>
/// <param name="Region">The workload region (ALB, endpoint, API Gateway, regional ACM).</param>
/// <param name="AssumeRole">Role to assume through STS; null uses the SDK default credential chain.</param>
/// <param name="DeploymentId">Deployment the calls are metered against; null for portal-level calls (pickers).</param>
/// <param name="CallTally">
/// Also counts every call made through this session's clients (the engine gives each step execution a session of
/// its own, so the count is that step's calls and nobody else's); null when nobody needs the count.
/// </param>
public sealed record AwsSession(string Region, AssumeRoleSettings? AssumeRole = null, Guid? DeploymentId = null, AwsCallTally? CallTally = null);

/// <summary>
/// A count of AWS call attempts carried by an <see cref="AwsSession"/>. It travels with the clients instead of
/// being looked up on a process-wide event, so concurrent sessions (two advances on two workers) never see each
/// other's calls.
/// </summary>
public sealed class AwsCallTally
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Add() => Interlocked.Increment(ref _calls);
}

/// <summary>An IAM role to assume for a deployment. Credentials obtained with it are never stored or logged.</summary>
public sealed record AssumeRoleSettings(string RoleArn, string? ExternalId, string SessionName);

/// <summary>STS role session names: 2-64 characters of [\w+=,.@-].</summary>
public static class RoleSessionNames
{
    public const int MaxLength = 64;
    private const string Prefix = "pae-";

    /// <summary>A session name that says which portal user acted, e.g. <c>pae-alice@example.com</c>; other characters become '-'.</summary>
    public static string For(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var sanitized = new string(userId.Select(c => char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c, StringComparison.Ordinal) ? c : '-').ToArray());
        var name = Prefix + sanitized;
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }
}
