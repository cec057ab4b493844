using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>
/// API Gateway v1 over REST-JSON. The <see cref="HttpClient"/> comes with its base address, signing and retries
/// already in its handler pipeline.
/// </summary>
public sealed class ApiGatewayClient(HttpClient httpClient) : IApiGatewayClient
{
    /// <summary>SigV4 signing name (credential scope service) of API Gateway.</summary>
    public const string SigningName = "apigateway";

    private static readonly ApiGatewayJsonContext Json = ApiGatewayJsonContext.Default;

    public Task<RestApi> CreateRestApiAsync(CreateRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("CreateRestApi", HttpMethod.Post, "/restapis", Body(request, Json.CreateRestApiRequest), Json.RestApi, cancellationToken);
    }

    public Task<RestApi> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("GetRestApi", HttpMethod.Get, Path("restapis", request.RestApiId), null, Json.RestApi, cancellationToken);
    }

    public Task<GetRestApisResponse> GetRestApisAsync(GetRestApisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = "/restapis" + Query(("position", request.Position), ("limit", Number(request.Limit)));
        return SendAsync("GetRestApis", HttpMethod.Get, uri, null, Json.GetRestApisResponse, cancellationToken);
    }

    public Task DeleteRestApiAsync(DeleteRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("DeleteRestApi", HttpMethod.Delete, Path("restapis", request.RestApiId), null, cancellationToken);
    }

    public Task<RestApi> UpdateRestApiAsync(UpdateRestApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("UpdateRestApi", HttpMethod.Patch, Path("restapis", request.RestApiId), Body(request, Json.UpdateRestApiRequest), Json.RestApi, cancellationToken);
    }

    public Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "resources") + Query(("position", request.Position), ("limit", Number(request.Limit)));
        return SendAsync("GetResources", HttpMethod.Get, uri, null, Json.GetResourcesResponse, cancellationToken);
    }

    public Task<Method> PutMethodAsync(PutMethodRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "resources", request.ResourceId, "methods", request.HttpMethod);
        return SendAsync("PutMethod", HttpMethod.Put, uri, Body(request, Json.PutMethodRequest), Json.Method, cancellationToken);
    }

    public Task<MethodResponse> PutMethodResponseAsync(PutMethodResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "resources", request.ResourceId, "methods", request.HttpMethod, "responses", request.StatusCode);
        return SendAsync("PutMethodResponse", HttpMethod.Put, uri, Body(request, Json.PutMethodResponseRequest), Json.MethodResponse, cancellationToken);
    }

    public Task<Integration> PutIntegrationAsync(PutIntegrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "resources", request.ResourceId, "methods", request.HttpMethod, "integration");
        return SendAsync("PutIntegration", HttpMethod.Put, uri, Body(request, Json.PutIntegrationRequest), Json.Integration, cancellationToken);
    }

    public Task<IntegrationResponse> PutIntegrationResponseAsync(PutIntegrationResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "resources", request.ResourceId, "methods", request.HttpMethod, "integration", "responses", request.StatusCode);
        return SendAsync("PutIntegrationResponse", HttpMethod.Put, uri, Body(request, Json.PutIntegrationResponseRequest), Json.IntegrationResponse, cancellationToken);
    }

    public Task<Deployment> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "deployments");
        return SendAsync("CreateDeployment", HttpMethod.Post, uri, Body(request, Json.CreateDeploymentRequest), Json.Deployment, cancellationToken);
    }

    public Task<Stage> GetStageAsync(GetStageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("GetStage", HttpMethod.Get, Path("restapis", request.RestApiId, "stages", request.StageName), null, Json.Stage, cancellationToken);
    }

    public Task<GetStagesResponse> GetStagesAsync(GetStagesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("restapis", request.RestApiId, "stages") + Query(("deploymentId", request.DeploymentId));
        return SendAsync("GetStages", HttpMethod.Get, uri, null, Json.GetStagesResponse, cancellationToken);
    }

    public Task<CustomDomainName> CreateDomainNameAsync(CreateDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("CreateDomainName", HttpMethod.Post, "/domainnames", Body(request, Json.CreateDomainNameRequest), Json.CustomDomainName, cancellationToken);
    }

    public Task<CustomDomainName> GetDomainNameAsync(GetDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("GetDomainName", HttpMethod.Get, Path("domainnames", request.DomainName), null, Json.CustomDomainName, cancellationToken);
    }

    public Task DeleteDomainNameAsync(DeleteDomainNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("DeleteDomainName", HttpMethod.Delete, Path("domainnames", request.DomainName), null, cancellationToken);
    }

    public Task<BasePathMapping> CreateBasePathMappingAsync(CreateBasePathMappingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("domainnames", request.DomainName, "basepathmappings");
        return SendAsync("CreateBasePathMapping", HttpMethod.Post, uri, Body(request, Json.CreateBasePathMappingRequest), Json.BasePathMapping, cancellationToken);
    }

    public Task<GetBasePathMappingsResponse> GetBasePathMappingsAsync(GetBasePathMappingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = Path("domainnames", request.DomainName, "basepathmappings") + Query(("position", request.Position), ("limit", Number(request.Limit)));
        return SendAsync("GetBasePathMappings", HttpMethod.Get, uri, null, Json.GetBasePathMappingsResponse, cancellationToken);
    }

    public Task DeleteBasePathMappingAsync(DeleteBasePathMappingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The root mapping has no base path of its own; AWS addresses it as the literal "(none)".
        var basePath = string.IsNullOrEmpty(request.BasePath) ? BasePathMapping.RootBasePath : request.BasePath;
        var uri = Path("domainnames", request.DomainName, "basepathmappings", basePath);
        return SendAsync("DeleteBasePathMapping", HttpMethod.Delete, uri, null, cancellationToken);
    }

    public Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("TagResource", HttpMethod.Put, Path("tags", request.ResourceArn), Body(request, Json.TagResourceRequest), cancellationToken);
    }

    public Task<GetTagsResponse> GetTagsAsync(GetTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync("GetTags", HttpMethod.Get, Path("tags", request.ResourceArn), null, Json.GetTagsResponse, cancellationToken);
    }

    /// <summary>Builds a path whose odd segments are literals and the rest URI labels, each label percent-encoded.</summary>
    internal static string Path(params string[] segments)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(segments[i]);
            builder.Append('/').Append(i % 2 == 0 ? segments[i] : Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static StringContent Body<T>(T request, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(request, typeInfo), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string uri, HttpContent? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var body = await SendAsync(operation, method, uri, content, cancellationToken);
        return JsonSerializer.Deserialize(body, responseType)
            ?? throw new FormatException($"API Gateway {operation} answered with an empty body.");
    }

    private async Task<string> SendAsync(string operation, HttpMethod method, string uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, uri) { Content = content };
        using var response = await httpClient.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        throw ApiGatewayErrorReader.Read(operation, response, body);
    }
}
