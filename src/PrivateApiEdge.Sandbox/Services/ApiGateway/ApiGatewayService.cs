using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

/// <summary>
/// API Gateway v1 (rest-json, 2015-07-09): REST APIs with resources, methods, MOCK integrations, deployments and
/// stages; REGIONAL custom domain names with base path mappings; tags; and the fixed control-plane rate limits.
/// One file per resource (<c>ApiGatewayService.RestApis.cs</c>, <c>.Resources.cs</c> with methods and integrations,
/// <c>.Deployments.cs</c> with stages, <c>.DomainNames.cs</c> with base path mappings, <c>.Tags.cs</c>); what the
/// data path asks is in <c>.DataPath.cs</c>.
/// </summary>
public sealed partial class ApiGatewayService : ISandboxService, IPrivateApiDirectory
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SandboxWorld _world;
    private readonly ControlPlaneRateLimiter _limiter;
    private readonly RestRouteTable _routes;

    public ApiGatewayService(SandboxWorld world)
    {
        _world = world;
        _limiter = new ControlPlaneRateLimiter(world.Latency.Profile);
        _routes = new RestRouteTable()
            .Add("POST", "/restapis", Op("CreateRestApi", CreateRestApi))
            .Add("GET", "/restapis", Op("GetRestApis", GetRestApis))
            .Add("GET", "/restapis/{restapi_id}", Op("GetRestApi", GetRestApi))
            .Add("PATCH", "/restapis/{restapi_id}", Op("UpdateRestApi", UpdateRestApi))
            .Add("DELETE", "/restapis/{restapi_id}", Op("DeleteRestApi", DeleteRestApi))
            .Add("GET", "/restapis/{restapi_id}/resources", Op("GetResources", GetResources))
            .Add("GET", "/restapis/{restapi_id}/resources/{resource_id}", Op("GetResource", GetResource))
            .Add("POST", "/restapis/{restapi_id}/resources/{parent_id}", Op("CreateResource", CreateResource))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}", Op("PutMethod", PutMethod))
            .Add("GET", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}", Op("GetMethod", GetMethod))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}", Op("PutMethodResponse", PutMethodResponse))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration", Op("PutIntegration", PutIntegration))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}", Op("PutIntegrationResponse", PutIntegrationResponse))
            .Add("POST", "/restapis/{restapi_id}/deployments", Op("CreateDeployment", CreateDeployment))
            .Add("GET", "/restapis/{restapi_id}/stages", Op("GetStages", GetStages))
            .Add("GET", "/restapis/{restapi_id}/stages/{stage_name}", Op("GetStage", GetStage))
            .Add("DELETE", "/restapis/{restapi_id}/stages/{stage_name}", Op("DeleteStage", DeleteStage))
            .Add("POST", "/domainnames", Op("CreateDomainName", CreateDomainName))
            .Add("GET", "/domainnames", Op("GetDomainNames", GetDomainNames))
            .Add("GET", "/domainnames/{domain_name}", Op("GetDomainName", GetDomainName))
            .Add("DELETE", "/domainnames/{domain_name}", Op("DeleteDomainName", DeleteDomainName))
            .Add("POST", "/domainnames/{domain_name}/basepathmappings", Op("CreateBasePathMapping", CreateBasePathMapping))
            .Add("GET", "/domainnames/{domain_name}/basepathmappings", Op("GetBasePathMappings", GetBasePathMappings))
            .Add("GET", "/domainnames/{domain_name}/basepathmappings/{base_path}", Op("GetBasePathMapping", GetBasePathMapping))
            .Add("DELETE", "/domainnames/{domain_name}/basepathmappings/{base_path}", Op("DeleteBasePathMapping", DeleteBasePathMapping))
            .Add("GET", "/tags/{resource_arn}", Op("GetTags", GetTags))
            .Add("PUT", "/tags/{resource_arn}", Op("TagResource", TagResource))
            .Add("DELETE", "/tags/{resource_arn}", Op("UntagResource", UntagResource));
    }

    public string SigningName => "apigateway";

    public SandboxProtocol Protocol => SandboxProtocol.RestJson;

    public string XmlNamespace => string.Empty;

    public SandboxErrorCode ThrottlingError { get; } = new("TooManyRequestsException", 429, "Too Many Requests");

    private ApiGatewayState State => _world.Part<ApiGatewayState>();

    public SandboxOperation? Resolve(SandboxRequest request) => _routes.Match(request);

    private SandboxOperation Op(string name, Func<SandboxRequest, SandboxResponse> handler) =>
        SandboxOperation.Sync(name, request =>
        {
            _limiter.Admit(request.Region, name, _world.Now);
            // Reads take the lock without persisting, so polling never rewrites the state file.
            return request.Method == "GET" ? _world.Read(_ => handler(request)) : _world.Write(_ => handler(request));
        });

    private static (List<T> Page, string? Next) Page<T>(List<T> items, Func<T, string> key, SandboxRequest request)
    {
        var limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 25;
        if (limit is < 1 or > 500)
        {
            throw BadRequest("Limit must be between 1 and 500");
        }

        var position = request.Query["position"].ToString();
        var start = position.Length == 0 ? 0 : items.FindIndex(i => key(i) == position);
        if (start < 0)
        {
            throw BadRequest("Invalid position parameter");
        }

        var (page, next) = Paging.Slice(items, start, limit);
        return (page, next is { } index ? key(items[index]) : null);
    }

    private static IEnumerable<(string Op, string Path, string? Value)> PatchOperations(SandboxRequest request) =>
        (JsonProtocol.ReadObject(request)["patchOperations"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(o => (o["op"]?.GetValue<string>() ?? "", o["path"]?.GetValue<string>() ?? "", o["value"]?.GetValue<string>()));

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.GetValue<string>()).OfType<string>()] : [];

    private static SandboxResponse Json(HttpStatusCode status, JsonNode body) => JsonProtocol.RestJson(status, body);

    private static SandboxServiceException BadRequest(string message) => new("BadRequestException", message, HttpStatusCode.BadRequest);

    private static SandboxServiceException NotFound(string message) => new("NotFoundException", message, HttpStatusCode.NotFound);

    private static string RestApiArn(string region, string id) => $"arn:aws:apigateway:{region}::/restapis/{id}";

    private static string NewId(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        }
    });
}
