using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>
/// The deployment's answers about itself: whether an action is allowed (and why not), what its status means, and
/// what its endpoint test checks. The service, the engine and the pages ask these instead of testing statuses.
/// </summary>
public sealed partial class Deployment
{
    /// <summary>The current phase stopped at a failed step; resuming runs the failed step(s) again.</summary>
    public bool IsFailure => Status.IsFailure();

    public bool CanResume => WhyCannotResume() is null;

    /// <summary>Why the user cannot resume the deployment now; null when they can.</summary>
    public string? WhyCannotResume() => Status.WhyCannotResume();

    /// <summary>Why the user cannot retry <paramref name="step"/> now (no such step in the current phase, or the wrong status); null when they can.</summary>
    public string? WhyCannotRetryStep(string step) =>
        FindStep(Phase, step) is null ? $"The deployment has no step '{step}' in its {Phase} phase." : Status.WhyCannotRetryStep();

    /// <summary>Why the user cannot tear the deployment down now; null when they can.</summary>
    public string? WhyCannotTearDown() => Status.WhyCannotTearDown();

    /// <summary>
    /// Why the endpoint test cannot run now; null when it can. The domain is the user's: until our DNS records step
    /// has succeeded (and after teardown removed them) the name points wherever its owner made it point, and the
    /// portal does not call that.
    /// </summary>
    public string? WhyCannotTestEndpoint()
    {
        if (FindStep(DeploymentPhase.Teardown, StepNames.DnsRecords) is { Status: not StepStatus.Pending })
        {
            return $"The endpoint test does not run once teardown has started removing the DNS records of {DomainName}.";
        }

        var dns = FindStep(DeploymentPhase.Provision, StepNames.DnsRecords);
        return dns is { Status: StepStatus.Succeeded }
            ? null
            : $"The endpoint test runs only once the '{StepNames.DnsRecords}' step has succeeded (it is {dns?.Status.ToString() ?? "missing"}): until then {DomainName} does not point at this deployment's distribution.";
    }

    /// <summary>
    /// What the endpoint test checks: the public name, the hello API's message when the portal created the API (an
    /// adopted API answers whatever it answers), and the resources to inspect when the answer is wrong.
    /// </summary>
    public EndpointTestTarget EndpointTestTarget() => new(
        Id,
        DomainName,
        Request.ExistingApi is null ? PrivateApiStep.HelloMessage : null,
        ProvisioningOutput(StepNames.TargetGroup, OutputKeys.TargetGroupArn),
        ProvisioningOutput(StepNames.Distribution, OutputKeys.DistributionId));

    private string? ProvisioningOutput(string step, string key) =>
        FindStep(DeploymentPhase.Provision, step)?.Outputs.GetValueOrDefault(key);
}
