using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>
/// Deletes the hello API after every base path mapping to it, on any domain; an existing API the user exposed is
/// never touched (it has no intent).
/// </summary>
public sealed class PrivateApiTeardownStep : ITeardownStep
{
    public string Name => StepNames.PrivateApi;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var apiGateway = context.Aws.ApiGateway;
        var apiId = context.OutputOf(StepNames.PrivateApi, OutputKeys.RestApiId);
        if (context.OutputOf(StepNames.PrivateApi, OutputKeys.ApiAdopted) == "true")
        {
            return StepOutcome.Done();
        }

        if (apiId is null)
        {
            var name = ResourceNames.RestApi(context.Request.Name);
            var apis = await apiGateway.GetAllRestApisAsync(new GetRestApisRequest { Limit = 500 }, cancellationToken).ToListAsync(cancellationToken);
            apiId = apis.FirstOrDefault(a => a.Name == name && a.Tags?.GetValueOrDefault(TrackingTags.Deployment) == context.DeploymentId.ToString())?.Id;
            if (apiId is null)
            {
                return StepOutcome.Done();
            }
        }

        await DeleteMappingsToAsync(context, apiId, cancellationToken);
        try
        {
            await IdempotentAwsCalls.IgnoreNotFoundAsync(() => apiGateway.DeleteRestApiAsync(new DeleteRestApiRequest(apiId), cancellationToken));
        }
        catch (AwsApiException ex) when (ex.Is(ApiGatewayErrorCodes.BadRequest) && ex.Message.Contains("base path mapping", StringComparison.OrdinalIgnoreCase))
        {
            // A mapping created meanwhile, or one this account cannot list: the next attempt removes what it can see.
            return context.WaitOrGiveUp(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), $"base path mappings to REST API {apiId} to be removed ({ex.Message})");
        }

        context.Log($"Deleted REST API {apiId}.");
        return StepOutcome.Done();
    }

    /// <summary>
    /// API Gateway refuses DeleteRestApi while any custom domain still maps a base path to the API ("Please remove all
    /// base path mappings..."), whoever created the domain; so every mapping to our API goes first, on every domain.
    /// </summary>
    private static async Task DeleteMappingsToAsync(StepContext context, string apiId, CancellationToken cancellationToken)
    {
        var apiGateway = context.Aws.ApiGateway;
        var domains = await apiGateway.GetAllDomainNamesAsync(new GetDomainNamesRequest { Limit = 500 }, cancellationToken).ToListAsync(cancellationToken);
        foreach (var domain in domains)
        {
            var mappings = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => apiGateway
                .GetAllBasePathMappingsAsync(new GetBasePathMappingsRequest { DomainName = domain.DomainName, Limit = 500 }, cancellationToken)
                .ToListAsync(cancellationToken).AsTask());
            foreach (var mapping in (mappings ?? []).Where(m => m.RestApiId == apiId))
            {
                await IdempotentAwsCalls.IgnoreNotFoundAsync(() => apiGateway.DeleteBasePathMappingAsync(
                    new DeleteBasePathMappingRequest(domain.DomainName, mapping.BasePath), cancellationToken));
                context.Log($"Removed base path mapping '{mapping.BasePath}' of {domain.DomainName} to REST API {apiId}.");
            }
        }
    }
}
