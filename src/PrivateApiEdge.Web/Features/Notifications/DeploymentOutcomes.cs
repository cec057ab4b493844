using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Features.Notifications;

/// <summary>
/// A deployment reached an outcome people are told about: the one notice type, for the portal-wide snackbars and
/// for the deployment's own page.
/// </summary>
public sealed record DeploymentOutcome(
    Guid DeploymentId,
    string Name,
    string DomainName,
    string Owner,
    DeploymentStatus Status,
    string? FailedStep,
    string? Error)
{
    private const int MaxErrorLength = 160;

    /// <summary>The notice for the deployment's current status; where and why it failed only when it did.</summary>
    public static DeploymentOutcome Of(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new(deployment.Id, deployment.Name, deployment.DomainName, deployment.Owner, deployment.Status,
            deployment.IsFailure ? deployment.FailedStep : null,
            deployment.IsFailure ? deployment.Error : null);
    }

    /// <summary>One sentence for a snackbar: what happened, and for failures where and why (shortened).</summary>
    public string Message => Status switch
    {
        DeploymentStatus.Succeeded => $"{Name} is live at https://{DomainName}/",
        DeploymentStatus.Failed => $"{Name} failed{AtStep}{Reason}",
        DeploymentStatus.TornDown => $"{Name} is torn down.",
        DeploymentStatus.TeardownFailed => $"Teardown of {Name} failed{AtStep}{Reason}",
        _ => $"{Name} is {Status}.",
    };

    public bool IsFailure => Status.IsFailure();

    public string Link => $"/deployments/{DeploymentId}";

    private string AtStep => FailedStep is null ? "" : $" at step '{FailedStep}'";

    private string Reason => string.IsNullOrWhiteSpace(Error) ? "."
        : Error.Length > MaxErrorLength ? $": {Error[..MaxErrorLength]}…" : $": {Error}";
}

/// <summary>
/// Turns the progress feed into outcome notices: which events are outcomes, who hears about them, and the
/// deployment's details for the message. Admins hear about every deployment (they run the platform and the
/// dashboard shows them all); everyone else about the deployments they own.
/// </summary>
public sealed class DeploymentOutcomes(IDbContextFactory<PortalDbContext> databases)
{
    /// <summary>The owner recorded for deployments started without a signed-in user.</summary>
    public const string AnonymousOwner = "anonymous";

    /// <summary>The statuses a deployment settles in: succeeded, failed, torn down, teardown failed.</summary>
    public static bool IsOutcome(DeploymentProgressEvent progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        // The engine publishes a status change as an event without a step; step events only carry the status along.
        return progress.Step is null && progress.Status.IsSettled();
    }

    /// <summary>Whether <paramref name="user"/> (null or anonymous when nobody signed in) is told about <paramref name="owner"/>'s deployment.</summary>
    public static bool Concerns(ClaimsPrincipal? user, string owner)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return string.Equals(owner, AnonymousOwner, StringComparison.Ordinal);
        }

        // The same rule as every other view of deployments: your own, or all of them for an admin.
        return PortalUser.TryFromPrincipal(user)?.CanSee(owner) == true;
    }

    /// <summary>The deployment's details for a notice about <paramref name="status"/>; null when it no longer exists.</summary>
    public async Task<DeploymentOutcome?> DescribeAsync(Guid deploymentId, DeploymentStatus status, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Deployments.AsNoTracking()
            .Where(d => d.Id == deploymentId)
            .Select(d => new { d.Name, d.DomainName, d.Owner, d.FailedStep, d.Error })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new DeploymentOutcome(deploymentId, row.Name, row.DomainName, row.Owner, status,
            status.IsFailure() ? row.FailedStep : null,
            status.IsFailure() ? row.Error : null);
    }
}
