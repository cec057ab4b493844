using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Deletes the hello API; an existing API the user exposed is never touched (it has no intent).</summary>
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

        await IdempotentAwsCalls.IgnoreNotFoundAsync(() => apiGateway.DeleteRestApiAsync(new DeleteRestApiRequest(apiId), cancellationToken));
        context.Log($"Deleted REST API {apiId}.");
        return StepOutcome.Done();
    }
}
