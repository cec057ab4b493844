using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>
/// API Gateway v1 over REST-JSON. URIs are the model's <c>requestUri</c> templates with percent-encoded labels. The
/// <see cref="AwsConnection"/> signs (<c>apigateway</c>), retries, meters and turns error answers into
/// <see cref="AwsApiException"/>.
/// </summary>
/// <remarks>
/// POST creates are not idempotent (a resend after a lost answer would create a second API, deployment or
/// mapping), so they are retried only when AWS certainly did not act; PUT, PATCH, GET and DELETE are retried.
/// </remarks>
public sealed class ApiGatewayClient(AwsConnection connection) : IApiGatewayClient
{
    private static readonly ApiGatewayJsonContext Json = ApiGatewayJsonContext.Default;

    public Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("CreateRestApi", AwsRetryMode.NotIdempotent), HttpMethod.Post, "restapis", Body(request, Json.CreateRestApiRequest), Json.RestApi, cancellationToken);
    }

    public Task<RestApi> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("GetRestApi"), HttpMethod.Get, AwsConnection.Path("/restapis/{restapi_id}", ("restapi_id", request.RestApiId)), null, Json.RestApi, cancellationToken);
    }

    public Task<GetRestApisResponse> GetRestApisAsync(GetRestApisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = "restapis" + Query(("position", request.Position), ("limit", Number(request.Limit)));
        return SendAsync(new AwsOperation("GetRestApis"), HttpMethod.Get, uri, null, Json.GetRestApisResponse, cancellationToken);
    }

    public Task DeleteRestApiAsync(DeleteRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("DeleteRestApi"), HttpMethod.Delete, AwsConnection.Path("/restapis/{restapi_id}", ("restapi_id", request.RestApiId)), null, cancellationToken);
    }

    public Task<RestApi> UpdateRestApiAsync(UpdateRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("UpdateRestApi"), HttpMethod.Patch, AwsConnection.Path("/restapis/{restapi_id}", ("restapi_id", request.RestApiId)), Body(request, Json.UpdateRestApiRequest), Json.RestApi, cancellationToken);
    }

    public Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/resources", ("restapi_id", request.RestApiId)) + Query(("position", request.Position), ("limit", Number(request.Limit)));
        return SendAsync(new AwsOperation("GetResources"), HttpMethod.Get, uri, null, Json.GetResourcesResponse, cancellationToken);
    }

    public Task<Method> PutMethodAsync(PutMethodRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod));
        return SendAsync(new AwsOperation("PutMethod"), HttpMethod.Put, uri, Body(request, Json.PutMethodRequest), Json.Method, cancellationToken);
    }

    public Task<MethodResponse> PutMethodResponseAsync(PutMethodResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod), ("status_code", request.StatusCode));
        return SendAsync(new AwsOperation("PutMethodResponse"), HttpMethod.Put, uri, Body(request, Json.PutMethodResponseRequest), Json.MethodResponse, cancellationToken);
    }

    public Task<Integration> PutIntegrationAsync(PutIntegrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod));
        return SendAsync(new AwsOperation("PutIntegration"), HttpMethod.Put, uri, Body(request, Json.PutIntegrationRequest), Json.Integration, cancellationToken);
    }

    public Task<IntegrationResponse> PutIntegrationResponseAsync(PutIntegrationResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}", ("restapi_id", request.RestApiId), ("resource_id", request.ResourceId), ("http_method", request.HttpMethod), ("status_code", request.StatusCode));
        return SendAsync(new AwsOperation("PutIntegrationResponse"), HttpMethod.Put, uri, Body(request, Json.PutIntegrationResponseRequest), Json.IntegrationResponse, cancellationToken);
    }

    public Task<Deployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/deployments", ("restapi_id", request.RestApiId));
        return SendAsync(new AwsOperation("CreateDeployment", AwsRetryMode.NotIdempotent), HttpMethod.Post, uri, Body(request, Json.CreateDeploymentRequest), Json.Deployment, cancellationToken);
    }

    public Task<Stage> GetStageAsync(GetStageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("GetStage"), HttpMethod.Get, AwsConnection.Path("/restapis/{restapi_id}/stages/{stage_name}", ("restapi_id", request.RestApiId), ("stage_name", request.StageName)), null, Json.Stage, cancellationToken);
    }

    public Task<GetStagesResponse> GetStagesAsync(GetStagesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/restapis/{restapi_id}/stages", ("restapi_id", request.RestApiId)) + Query(("deploymentId", request.DeploymentId));
        return SendAsync(new AwsOperation("GetStages"), HttpMethod.Get, uri, null, Json.GetStagesResponse, cancellationToken);
    }

    public Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("CreateDomainName", AwsRetryMode.NotIdempotent), HttpMethod.Post, "domainnames", Body(request, Json.CreateDomainNameRequest), Json.CustomDomainName, cancellationToken);
    }

    public Task<CustomDomainName> GetDomainNameAsync(GetDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("GetDomainName"), HttpMethod.Get, AwsConnection.Path("/domainnames/{domain_name}", ("domain_name", request.DomainName)), null, Json.CustomDomainName, cancellationToken);
    }

    public Task DeleteDomainNameAsync(DeleteDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("DeleteDomainName"), HttpMethod.Delete, AwsConnection.Path("/domainnames/{domain_name}", ("domain_name", request.DomainName)), null, cancellationToken);
    }

    public Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/domainnames/{domain_name}/basepathmappings", ("domain_name", request.DomainName));
        return SendAsync(new AwsOperation("CreateBasePathMapping", AwsRetryMode.NotIdempotent), HttpMethod.Post, uri, Body(request, Json.CreateBasePathMappingRequest), Json.BasePathMapping, cancellationToken);
    }

    public Task<GetBasePathMappingsResponse> GetBasePathMappingsAsync(GetBasePathMappingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsConnection.Path("/domainnames/{domain_name}/basepathmappings", ("domain_name", request.DomainName)) + Query(("position", request.Position), ("limit", Number(request.Limit)));
        return SendAsync(new AwsOperation("GetBasePathMappings"), HttpMethod.Get, uri, null, Json.GetBasePathMappingsResponse, cancellationToken);
    }

    public Task DeleteBasePathMappingAsync(DeleteBasePathMappingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The root mapping has no base path of its own; AWS addresses it as the literal "(none)".
        var basePath = string.IsNullOrEmpty(request.BasePath) ? BasePathMapping.RootBasePath : request.BasePath;
        var uri = AwsConnection.Path("/domainnames/{domain_name}/basepathmappings/{base_path}", ("domain_name", request.DomainName), ("base_path", basePath));
        return SendAsync(new AwsOperation("DeleteBasePathMapping"), HttpMethod.Delete, uri, null, cancellationToken);
    }

    public Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("TagResource"), HttpMethod.Put, AwsConnection.Path("/tags/{resource_arn}", ("resource_arn", request.ResourceArn)), Body(request, Json.TagResourceRequest), cancellationToken);
    }

    public Task<GetTagsResponse> GetTagsAsync(GetTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(new AwsOperation("GetTags"), HttpMethod.Get, AwsConnection.Path("/tags/{resource_arn}", ("resource_arn", request.ResourceArn)), null, Json.GetTagsResponse, cancellationToken);
    }

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static StringContent Body<T>(T request, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(request, typeInfo), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private async Task<T> SendAsync<T>(AwsOperation operation, HttpMethod method, string uri, HttpContent? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        using var response = await connection.SendAsync(request, operation, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonSerializer.Deserialize(body, responseType)
            ?? throw new FormatException($"API Gateway {operation.Name} answered with an empty body.");
    }

    private async Task SendAsync(AwsOperation operation, HttpMethod method, string uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        using var response = await connection.SendAsync(request, operation, cancellationToken);
    }
}
