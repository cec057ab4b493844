using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>
/// API Gateway v1 over REST-JSON. URIs are the model's <c>requestUri</c> templates (<see cref="AwsUri"/>). The
/// <see cref="AwsConnection"/> signs (<c>apigateway</c>), retries, meters and turns error answers into
/// <see cref="AwsApiException"/>.
/// </summary>
public sealed class ApiGatewayClient : IApiGatewayClient
{
    // POST creates are not idempotent (a resend after a lost answer would create a second API, deployment or
    // mapping), so they are retried only when AWS certainly did not act; PUT, PATCH, GET and DELETE are retried.
    private static readonly AwsOperation CreateRestApi = new("CreateRestApi", AwsRetryMode.NotIdempotent);
    private static readonly AwsOperation GetRestApi = new("GetRestApi");
    private static readonly AwsOperation GetRestApis = new("GetRestApis");
    private static readonly AwsOperation DeleteRestApi = new("DeleteRestApi");
    private static readonly AwsOperation UpdateRestApi = new("UpdateRestApi");
    private static readonly AwsOperation GetResources = new("GetResources");
    private static readonly AwsOperation PutMethod = new("PutMethod");
    private static readonly AwsOperation PutMethodResponse = new("PutMethodResponse");
    private static readonly AwsOperation PutIntegration = new("PutIntegration");
    private static readonly AwsOperation PutIntegrationResponse = new("PutIntegrationResponse");
    private static readonly AwsOperation CreateDeployment = new("CreateDeployment", AwsRetryMode.NotIdempotent);
    private static readonly AwsOperation GetStage = new("GetStage");
    private static readonly AwsOperation GetStages = new("GetStages");
    private static readonly AwsOperation CreateDomainName = new("CreateDomainName", AwsRetryMode.NotIdempotent);
    private static readonly AwsOperation GetDomainName = new("GetDomainName");
    private static readonly AwsOperation DeleteDomainName = new("DeleteDomainName");
    private static readonly AwsOperation CreateBasePathMapping = new("CreateBasePathMapping", AwsRetryMode.NotIdempotent);
    private static readonly AwsOperation GetBasePathMappings = new("GetBasePathMappings");
    private static readonly AwsOperation DeleteBasePathMapping = new("DeleteBasePathMapping");
    private static readonly AwsOperation TagResource = new("TagResource");
    private static readonly AwsOperation GetTags = new("GetTags");

    private static readonly ApiGatewayJsonContext Json = ApiGatewayJsonContext.Default;

    private readonly AwsConnection _connection;

    public ApiGatewayClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(CreateRestApi, HttpMethod.Post, AwsUri.Path("/restapis"), Body(request, Json.CreateRestApiRequest), Json.RestApi, cancellationToken);
    }

    public Task<RestApi> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}", ("restapi_id", request.RestApiId));
        return SendAsync(GetRestApi, HttpMethod.Get, uri, null, Json.RestApi, cancellationToken);
    }

    public Task<GetRestApisResponse> GetRestApisAsync(GetRestApisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis").Query(("position", request.Position), ("limit", AwsUri.Number(request.Limit)));
        return SendAsync(GetRestApis, HttpMethod.Get, uri, null, Json.GetRestApisResponse, cancellationToken);
    }

    public Task DeleteRestApiAsync(DeleteRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}", ("restapi_id", request.RestApiId));
        return SendAsync(DeleteRestApi, HttpMethod.Delete, uri, null, cancellationToken);
    }

    public Task<RestApi> UpdateRestApiAsync(UpdateRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}", ("restapi_id", request.RestApiId));
        return SendAsync(UpdateRestApi, HttpMethod.Patch, uri, Body(request, Json.UpdateRestApiRequest), Json.RestApi, cancellationToken);
    }

    public Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/resources", ("restapi_id", request.RestApiId))
            .Query(("position", request.Position), ("limit", AwsUri.Number(request.Limit)));
        return SendAsync(GetResources, HttpMethod.Get, uri, null, Json.GetResourcesResponse, cancellationToken);
    }

    public Task<Method> PutMethodAsync(PutMethodRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod));
        return SendAsync(PutMethod, HttpMethod.Put, uri, Body(request, Json.PutMethodRequest), Json.Method, cancellationToken);
    }

    public Task<MethodResponse> PutMethodResponseAsync(PutMethodResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod), ("status_code", request.StatusCode));
        return SendAsync(PutMethodResponse, HttpMethod.Put, uri, Body(request, Json.PutMethodResponseRequest), Json.MethodResponse, cancellationToken);
    }

    public Task<Integration> PutIntegrationAsync(PutIntegrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod));
        return SendAsync(PutIntegration, HttpMethod.Put, uri, Body(request, Json.PutIntegrationRequest), Json.Integration, cancellationToken);
    }

    public Task<IntegrationResponse> PutIntegrationResponseAsync(PutIntegrationResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod), ("status_code", request.StatusCode));
        return SendAsync(PutIntegrationResponse, HttpMethod.Put, uri, Body(request, Json.PutIntegrationResponseRequest), Json.IntegrationResponse, cancellationToken);
    }

    public Task<RestApiDeployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/deployments", ("restapi_id", request.RestApiId));
        return SendAsync(CreateDeployment, HttpMethod.Post, uri, Body(request, Json.CreateDeploymentRequest), Json.RestApiDeployment, cancellationToken);
    }

    public Task<Stage> GetStageAsync(GetStageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/stages/{stage_name}", ("restapi_id", request.RestApiId), ("stage_name", request.StageName));
        return SendAsync(GetStage, HttpMethod.Get, uri, null, Json.Stage, cancellationToken);
    }

    public Task<GetStagesResponse> GetStagesAsync(GetStagesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/restapis/{restapi_id}/stages", ("restapi_id", request.RestApiId)).Query(("deploymentId", request.DeploymentId));
        return SendAsync(GetStages, HttpMethod.Get, uri, null, Json.GetStagesResponse, cancellationToken);
    }

    public Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(CreateDomainName, HttpMethod.Post, AwsUri.Path("/domainnames"), Body(request, Json.CreateDomainNameRequest), Json.CustomDomainName, cancellationToken);
    }

    public Task<CustomDomainName> GetDomainNameAsync(GetDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/domainnames/{domain_name}", ("domain_name", request.DomainName));
        return SendAsync(GetDomainName, HttpMethod.Get, uri, null, Json.CustomDomainName, cancellationToken);
    }

    public Task DeleteDomainNameAsync(DeleteDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/domainnames/{domain_name}", ("domain_name", request.DomainName));
        return SendAsync(DeleteDomainName, HttpMethod.Delete, uri, null, cancellationToken);
    }

    public Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/domainnames/{domain_name}/basepathmappings", ("domain_name", request.DomainName));
        return SendAsync(CreateBasePathMapping, HttpMethod.Post, uri, Body(request, Json.CreateBasePathMappingRequest), Json.BasePathMapping, cancellationToken);
    }

    public Task<GetBasePathMappingsResponse> GetBasePathMappingsAsync(GetBasePathMappingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/domainnames/{domain_name}/basepathmappings", ("domain_name", request.DomainName))
            .Query(("position", request.Position), ("limit", AwsUri.Number(request.Limit)));
        return SendAsync(GetBasePathMappings, HttpMethod.Get, uri, null, Json.GetBasePathMappingsResponse, cancellationToken);
    }

    public Task DeleteBasePathMappingAsync(DeleteBasePathMappingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The root mapping has no base path of its own; AWS addresses it as the literal "(none)".
        var basePath = string.IsNullOrEmpty(request.BasePath) ? BasePathMapping.RootBasePath : request.BasePath;
        var uri = AwsUri.Path("/domainnames/{domain_name}/basepathmappings/{base_path}", ("domain_name", request.DomainName), ("base_path", basePath));
        return SendAsync(DeleteBasePathMapping, HttpMethod.Delete, uri, null, cancellationToken);
    }

    public Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/tags/{resource_arn}", ("resource_arn", request.ResourceArn));
        return SendAsync(TagResource, HttpMethod.Put, uri, Body(request, Json.TagResourceRequest), cancellationToken);
    }

    public Task<GetTagsResponse> GetTagsAsync(GetTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path("/tags/{resource_arn}", ("resource_arn", request.ResourceArn));
        return SendAsync(GetTags, HttpMethod.Get, uri, null, Json.GetTagsResponse, cancellationToken);
    }

    private static StringContent Body<T>(T request, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(request, typeInfo), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private async Task<T> SendAsync<T>(AwsOperation operation, HttpMethod method, string uri, HttpContent? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        using var response = await _connection.SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, responseType)
            ?? throw new FormatException($"API Gateway {operation.Name} answered with an empty body.");
    }

    private async Task SendAsync(AwsOperation operation, HttpMethod method, string uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        using var response = await _connection.SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
    }
}
