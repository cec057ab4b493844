using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>Binds step implementations (from DI, or fakes in tests) to the plans.</summary>
public sealed class StepCatalog : IStepCatalog
{
    private readonly IReadOnlyList<StepDefinition> _provisioningPlan;
    private readonly IReadOnlyList<StepDefinition> _teardownPlan;
    private readonly Dictionary<string, IDeploymentStep> _provisioning;
    private readonly Dictionary<string, IDeploymentStep> _teardown;

    public StepCatalog(IEnumerable<IProvisioningStep> provisioning, IEnumerable<ITeardownStep> teardown)
        : this(StepPlan.Provisioning, provisioning, StepPlan.Teardown, teardown)
    {
    }

    public StepCatalog(
        IReadOnlyList<StepDefinition> provisioningPlan,
        IEnumerable<IDeploymentStep> provisioning,
        IReadOnlyList<StepDefinition> teardownPlan,
        IEnumerable<IDeploymentStep> teardown)
    {
        StepPlan.Validate(provisioningPlan);
        StepPlan.Validate(teardownPlan);
        _provisioningPlan = provisioningPlan;
        _teardownPlan = teardownPlan;
        _provisioning = provisioning.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _teardown = teardown.ToDictionary(s => s.Name, StringComparer.Ordinal);

        var missing = provisioningPlan.Select(s => s.Name).Where(n => !_provisioning.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No implementation for provisioning step(s): {string.Join(", ", missing)}.");
        }
    }

    public IReadOnlyList<StepDefinition> Plan(DeploymentPhase phase) =>
        phase == DeploymentPhase.Provision ? _provisioningPlan : _teardownPlan;

    public IDeploymentStep? Find(DeploymentPhase phase, string name) =>
        (phase == DeploymentPhase.Provision ? _provisioning : _teardown).GetValueOrDefault(name);
}
