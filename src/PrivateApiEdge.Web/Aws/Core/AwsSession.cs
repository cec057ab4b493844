namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Who calls AWS, where, and on whose behalf: the unit a set of clients is built for (like an SDK client's
/// credentials + region). One per deployment run.
/// </summary>
/// <param name="Region">The workload region (ALB, endpoint, API Gateway, regional ACM).</param>
/// <param name="AssumeRole">Role to assume through STS; null uses the SDK default credential chain.</param>
/// <param name="DeploymentId">Deployment the calls are metered against; null for portal-level calls (pickers).</param>
public sealed record AwsSession(string Region, AssumeRoleSettings? AssumeRole = null, Guid? DeploymentId = null);

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
