using MudBlazor;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Notifications;

namespace PrivateApiEdge.Web.Components.Layout;

/// <summary>How loud an outcome notice is, the same in the portal-wide snackbars and on the deployment's page.</summary>
public static class DeploymentOutcomeSeverity
{
    public static Severity Of(DeploymentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            DeploymentStatus.Succeeded => Severity.Success,
            DeploymentStatus.TornDown => Severity.Info,
            _ => Severity.Error,
        };
    }
}
