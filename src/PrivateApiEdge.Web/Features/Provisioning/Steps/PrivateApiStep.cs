using System.Text.Json;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>
/// The private REST API: the user's existing one, or the hello API (MOCK <c>GET /</c>), whose resource policy lets
/// only our endpoint invoke it, deployed to the <c>prod</c> stage.
/// </summary>
public sealed class PrivateApiStep : IProvisioningStep
{
    /// <summary>What the hello API says; the endpoint test expects it in the body (see <see cref="Deployments.Deployment.EndpointTestTarget"/>).</summary>
    public const string HelloMessage = "Hello from API GW";

    public const string HelloBody = $"{{\"message\": \"{HelloMessage}\"}}";

    public string Name => StepNames.PrivateApi;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ExistingApi is { } existing)
        {
            context.Log($"Exposing existing API {existing.RestApiId} stage '{existing.StageName}'; it is never modified or deleted.");
            return StepOutcome.Done(new Dictionary<string, string>
            {
                [OutputKeys.RestApiId] = existing.RestApiId,
                [OutputKeys.StageName] = existing.StageName,
                [OutputKeys.ApiAdopted] = "true",
            });
        }

        var apiGateway = context.Aws.ApiGateway;
        var apiId = context.Output(OutputKeys.RestApiId) ?? await FindOrCreateAsync(context, cancellationToken);

        if (context.Output(OutputKeys.ApiConfigured) is null)
        {
            await ConfigureHelloMethodAsync(apiGateway, apiId, cancellationToken);
            await context.RecordOutputAsync(OutputKeys.ApiConfigured, "true", cancellationToken);
        }

        if (context.Output(OutputKeys.ApiDeploymentId) is null)
        {
            var stages = await apiGateway.GetStagesAsync(new GetStagesRequest { RestApiId = apiId }, cancellationToken);
            var stage = stages.Items.FirstOrDefault(s => s.StageName == ResourceNames.StageName);
            var deploymentId = stage?.DeploymentId;
            if (deploymentId is null)
            {
                var deployment = await apiGateway.CreateDeploymentAsync(new CreateDeploymentRequest(apiId)
                {
                    StageName = ResourceNames.StageName,
                    Description = "PrivateApiEdge",
                }, cancellationToken);
                deploymentId = deployment.Id;
                context.Log($"Deployed API {apiId} to stage '{ResourceNames.StageName}'.");
            }

            await context.RecordOutputAsync(OutputKeys.ApiDeploymentId, deploymentId, cancellationToken);
        }

        return StepOutcome.Done(new Dictionary<string, string> { [OutputKeys.StageName] = ResourceNames.StageName });
    }

    private static async Task<string> FindOrCreateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var apiGateway = context.Aws.ApiGateway;
        var name = ResourceNames.RestApi(context.Request.Name);
        if (context.Intent("api") is not null)
        {
            // CreateRestApi has no client token: an intent without an id means "look for our tagged API first".
            var apis = await apiGateway.GetAllRestApisAsync(new GetRestApisRequest { Limit = 500 }, cancellationToken).ToListAsync(cancellationToken);
            var ours = apis.FirstOrDefault(a => a.Name == name && a.Tags?.GetValueOrDefault(TrackingTags.Deployment) == context.DeploymentId.ToString());
            if (ours is not null)
            {
                context.Log($"Adopted REST API {ours.Id} created by an earlier run.");
                await context.RecordOutputAsync(OutputKeys.RestApiId, ours.Id, cancellationToken);
                return ours.Id;
            }
        }

        var endpointId = context.RequiredOutputOf(StepNames.VpcEndpoint, OutputKeys.VpcEndpointId);
        await context.RecordIntentAsync("api", cancellationToken);
        var created = await apiGateway.CreateRestApiAsync(new CreateRestApiRequest
        {
            Name = name,
            Description = $"PrivateApiEdge hello API for {context.Request.DomainName}",
            EndpointConfiguration = new EndpointConfiguration { Types = ["PRIVATE"], VpcEndpointIds = [endpointId] },
            Policy = ResourcePolicy(endpointId),
            Tags = context.ApiGatewayTags("api"),
        }, cancellationToken);
        await context.RecordOutputAsync(OutputKeys.RestApiId, created.Id, cancellationToken);
        context.Log($"Created private REST API {created.Id}.");
        return created.Id;
    }

    private static async Task ConfigureHelloMethodAsync(IApiGatewayClient apiGateway, string apiId, CancellationToken cancellationToken)
    {
        var resources = await apiGateway.GetAllResourcesAsync(new GetResourcesRequest { RestApiId = apiId }, cancellationToken).ToListAsync(cancellationToken);
        var root = resources.First(r => r.Path == "/").Id;

        // PUT replaces integrations; methods and method responses answer Conflict when a resumed run repeats them.
        await IdempotentAwsCalls.IgnoreDuplicateAsync(() => apiGateway.PutMethodAsync(new PutMethodRequest(apiId, root, "GET") { AuthorizationType = "NONE" }, cancellationToken), ApiGatewayErrorCodes.Conflict);
        await IdempotentAwsCalls.IgnoreDuplicateAsync(() => apiGateway.PutMethodResponseAsync(new PutMethodResponseRequest(apiId, root, "GET", "200")
        {
            ResponseModels = new Dictionary<string, string> { ["application/json"] = "Empty" },
        }, cancellationToken), ApiGatewayErrorCodes.Conflict);
        await apiGateway.PutIntegrationAsync(new PutIntegrationRequest(apiId, root, "GET")
        {
            Type = "MOCK",
            RequestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" },
            PassthroughBehavior = "WHEN_NO_MATCH",
        }, cancellationToken);
        await apiGateway.PutIntegrationResponseAsync(new PutIntegrationResponseRequest(apiId, root, "GET", "200")
        {
            SelectionPattern = "",
            ResponseTemplates = new Dictionary<string, string> { ["application/json"] = HelloBody },
        }, cancellationToken);
    }

    /// <summary>Only requests arriving through our endpoint may invoke the API.</summary>
    public static string ResourcePolicy(string vpcEndpointId) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new
            {
                Effect = "Allow",
                Principal = "*",
                Action = "execute-api:Invoke",
                Resource = "execute-api:/*",
                Condition = new { StringEquals = new Dictionary<string, string[]> { ["aws:sourceVpce"] = [vpcEndpointId] } },
            },
        },
    });
}
