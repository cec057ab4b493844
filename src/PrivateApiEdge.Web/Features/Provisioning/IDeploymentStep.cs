using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// One idempotent step. It may run many times (after a Wait, a crash or a retry): before each create call it records
/// an intent through the context, after it the resource id; when it finds an intent without an id it looks the
/// resource up (by token, name or tag) and adopts it instead of creating a second one.
/// </summary>
public interface IDeploymentStep
{
    string Name { get; }

    Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken);
}

/// <summary>A step of the provisioning DAG.</summary>
public interface IProvisioningStep : IDeploymentStep;

/// <summary>Undoes the provisioning step of the same name. A resource already gone counts as deleted.</summary>
public interface ITeardownStep : IDeploymentStep;

/// <summary>The DAGs and the code for each of their steps.</summary>
public interface IStepCatalog
{
    IReadOnlyList<StepDefinition> Plan(DeploymentPhase phase);

    IDeploymentStep? Find(DeploymentPhase phase, string name);
}
