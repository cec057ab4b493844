using PrivateApiEdge.Web.Aws.ApiGateway;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>
/// REGIONAL custom domain (regional cert, TLS 1.2) + root base path mapping: API Gateway routes the viewer's Host
/// to the API through it; without it every request through the endpoint is a 403.
/// </summary>
public sealed class ApiDomainStep : IProvisioningStep
{
    public string Name => StepNames.ApiDomain;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var apiGateway = context.Aws.ApiGateway;
        var domainName = context.Request.DomainName;
        var apiId = context.RequiredOutputOf(StepNames.PrivateApi, OutputKeys.RestApiId);
        var stage = context.RequiredOutputOf(StepNames.PrivateApi, OutputKeys.StageName);

        // The domain name itself is the idempotency key: it is unique per region.
        var domain = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => apiGateway.GetDomainNameAsync(new GetDomainNameRequest(domainName), cancellationToken));
        if (domain is null)
        {
            await context.RecordIntentAsync("domain", cancellationToken);
            domain = await apiGateway.CreateDomainNameAsync(new CreateDomainNameRequest
            {
                DomainName = domainName,
                RegionalCertificateArn = context.Request.RegionalCertificateArn,
                EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] },
                SecurityPolicy = "TLS_1_2",
                Tags = context.ApiGatewayTags("domain"),
            }, cancellationToken);
            context.Log($"Created REGIONAL custom domain {domainName}.");
        }
        else if (context.Intent("domain") is null && domain.Tags?.GetValueOrDefault(TrackingTags.Deployment) != context.DeploymentId.ToString())
        {
            return StepOutcome.Failed($"API Gateway custom domain {domainName} already exists and belongs to something else.");
        }

        var mappings = await apiGateway.GetAllBasePathMappingsAsync(new GetBasePathMappingsRequest { DomainName = domainName }, cancellationToken).ToListAsync(cancellationToken);
        var root = mappings.FirstOrDefault(m => m.IsRoot);
        if (root is null)
        {
            await apiGateway.CreateBasePathMappingAsync(new CreateBasePathMappingRequest(domainName) { RestApiId = apiId, Stage = stage }, cancellationToken);
            context.Log($"Mapped {domainName}/ to API {apiId} stage '{stage}'.");
        }
        else if (root.RestApiId != apiId || root.Stage != stage)
        {
            return StepOutcome.Failed($"{domainName}/ is already mapped to API {root.RestApiId} stage '{root.Stage}'.");
        }

        return StepOutcome.Done(new Dictionary<string, string>
        {
            [OutputKeys.ApiDomainName] = domainName,
            [OutputKeys.RegionalDomainName] = domain.RegionalDomainName ?? "",
        });
    }
}
