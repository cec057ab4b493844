using PrivateApiEdge.Web.Aws.ApiGateway;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Deletes the root mapping and the custom domain, if this deployment created the domain.</summary>
public sealed class ApiDomainTeardownStep : ITeardownStep
{
    public string Name => StepNames.ApiDomain;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (!context.ProvisioningIntents(StepNames.ApiDomain).ContainsKey("domain"))
        {
            return StepOutcome.Done();
        }

        var apiGateway = context.Aws.ApiGateway;
        var domainName = context.Request.DomainName;
        var domain = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => apiGateway.GetDomainNameAsync(new GetDomainNameRequest(domainName), cancellationToken));
        if (domain is null)
        {
            return StepOutcome.Done();
        }

        if (domain.Tags?.GetValueOrDefault(TrackingTags.Deployment) is { } owner && owner != context.DeploymentId.ToString())
        {
            context.Log($"Custom domain {domainName} now belongs to deployment {owner}; left alone.");
            return StepOutcome.Done();
        }

        await IdempotentAwsCalls.IgnoreNotFoundAsync(() => apiGateway.DeleteBasePathMappingAsync(new DeleteBasePathMappingRequest(domainName, BasePathMapping.RootBasePath), cancellationToken));
        await IdempotentAwsCalls.IgnoreNotFoundAsync(() => apiGateway.DeleteDomainNameAsync(new DeleteDomainNameRequest(domainName), cancellationToken));
        context.Log($"Deleted custom domain {domainName}.");
        return StepOutcome.Done();
    }
}
