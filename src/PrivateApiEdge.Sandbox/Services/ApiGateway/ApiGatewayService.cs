using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.Services.CertificateManager;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

/// <summary>
/// API Gateway v1 (rest-json, 2015-07-09): REST APIs with resources, methods, MOCK integrations, deployments and
/// stages; REGIONAL custom domain names with base path mappings; tags; and the fixed control-plane rate limits.
/// </summary>
public sealed class ApiGatewayService : ISandboxService
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly Dictionary<string, string> RegionalHostedZones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z1UJRXOUMOOFQ8",
        ["us-east-2"] = "ZOJJZC49E0EPZ",
        ["us-west-2"] = "Z2OJLYMUO9EFXC",
        ["eu-west-1"] = "ZLY8HYME6SFDD",
        ["eu-central-1"] = "Z1U9ULNL0V5AJ3",
    };

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
            .Add("GET", "/restapis/{restapi_id}", Op("GetRestApi", r => Json(HttpStatusCode.OK, RestApiJson(Api(r)))))
            .Add("PATCH", "/restapis/{restapi_id}", Op("UpdateRestApi", UpdateRestApi))
            .Add("DELETE", "/restapis/{restapi_id}", Op("DeleteRestApi", DeleteRestApi))
            .Add("GET", "/restapis/{restapi_id}/resources", Op("GetResources", GetResources))
            .Add("GET", "/restapis/{restapi_id}/resources/{resource_id}", Op("GetResource", r => Json(HttpStatusCode.OK, ResourceJson(Resource(r), embedMethods: true))))
            .Add("POST", "/restapis/{restapi_id}/resources/{parent_id}", Op("CreateResource", CreateResource))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}", Op("PutMethod", PutMethod))
            .Add("GET", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}", Op("GetMethod", r => Json(HttpStatusCode.OK, Method(r).DeepClone())))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}", Op("PutMethodResponse", PutMethodResponse))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration", Op("PutIntegration", PutIntegration))
            .Add("PUT", "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}", Op("PutIntegrationResponse", PutIntegrationResponse))
            .Add("POST", "/restapis/{restapi_id}/deployments", Op("CreateDeployment", CreateDeployment))
            .Add("GET", "/restapis/{restapi_id}/stages", Op("GetStages", r => Json(HttpStatusCode.OK, new JsonObject { ["item"] = new JsonArray([.. Api(r).Stages.Select(s => (JsonNode)StageJson(s))]) })))
            .Add("GET", "/restapis/{restapi_id}/stages/{stage_name}", Op("GetStage", r => Json(HttpStatusCode.OK, StageJson(Stage(Api(r), r.PathParameters["stage_name"])))))
            .Add("DELETE", "/restapis/{restapi_id}/stages/{stage_name}", Op("DeleteStage", DeleteStage))
            .Add("POST", "/domainnames", Op("CreateDomainName", CreateDomainName))
            .Add("GET", "/domainnames", Op("GetDomainNames", GetDomainNames))
            .Add("GET", "/domainnames/{domain_name}", Op("GetDomainName", r => Json(HttpStatusCode.OK, DomainJson(Domain(r)))))
            .Add("DELETE", "/domainnames/{domain_name}", Op("DeleteDomainName", DeleteDomainName))
            .Add("POST", "/domainnames/{domain_name}/basepathmappings", Op("CreateBasePathMapping", CreateBasePathMapping))
            .Add("GET", "/domainnames/{domain_name}/basepathmappings", Op("GetBasePathMappings", r => Json(HttpStatusCode.OK,
                new JsonObject { ["item"] = new JsonArray([.. Domain(r).Mappings.Select(m => (JsonNode)MappingJson(m))]) })))
            .Add("GET", "/domainnames/{domain_name}/basepathmappings/{base_path}", Op("GetBasePathMapping", r => Json(HttpStatusCode.OK, MappingJson(Mapping(r)))))
            .Add("DELETE", "/domainnames/{domain_name}/basepathmappings/{base_path}", Op("DeleteBasePathMapping", DeleteBasePathMapping))
            .Add("GET", "/tags/{resource_arn}", Op("GetTags", r => Json(HttpStatusCode.OK, new JsonObject { ["tags"] = TagsJson(Tagged(r).Tags) })))
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

    private SandboxResponse CreateRestApi(SandboxRequest request)
    {
        var body = JsonProtocol.ReadObject(request);
        var name = body["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw BadRequest("Invalid REST API name specified");
        }

        var endpoint = body["endpointConfiguration"] as JsonObject;
        var types = Strings(endpoint?["types"]);
        if (types.Count == 0)
        {
            types = ["EDGE"];
        }

        if (types.Count != 1 || types[0] is not ("EDGE" or "REGIONAL" or "PRIVATE"))
        {
            throw BadRequest("Invalid endpoint configuration types specified");
        }

        var vpcEndpointIds = Strings(endpoint?["vpcEndpointIds"]);
        if (vpcEndpointIds.Count > 0 && types[0] != "PRIVATE")
        {
            throw BadRequest("VPC endpoint IDs can only be set on PRIVATE APIs");
        }

        var id = NewId(10);
        var rootId = NewId(10);
        var api = new RestApiRecord
        {
            Id = id,
            Arn = RestApiArn(request.Region, id),
            Region = request.Region,
            Name = name,
            Description = body["description"]?.GetValue<string>(),
            EndpointTypes = types,
            VpcEndpointIds = vpcEndpointIds,
            Policy = NormalizePolicy(body["policy"]?.GetValue<string>()),
            ApiKeySource = body["apiKeySource"]?.GetValue<string>() ?? "HEADER",
            DisableExecuteApiEndpoint = body["disableExecuteApiEndpoint"]?.GetValue<bool>() ?? false,
            RootResourceId = rootId,
            ApiResources = [new ApiResourceRecord { Id = rootId, Path = "/" }],
            Tags = ReadTags(body["tags"]),
        };
        _world.Stamp(api, request);
        State.RestApis.Add(api);
        return Json(HttpStatusCode.Created, RestApiJson(api));
    }

    private SandboxResponse GetRestApis(SandboxRequest request)
    {
        var apis = State.RestApis.Where(a => a.Region == request.Region && a.IsVisible(_world.Now)).OrderBy(a => a.CreatedAt).ToList();
        var (page, next) = Page(apis, a => a.Id, request);
        var result = new JsonObject { ["item"] = new JsonArray([.. page.Select(a => (JsonNode)RestApiJson(a))]) };
        if (next is not null)
        {
            result["position"] = next;
        }

        return Json(HttpStatusCode.OK, result);
    }

    private SandboxResponse UpdateRestApi(SandboxRequest request)
    {
        var api = Api(request);
        foreach (var operation in PatchOperations(request))
        {
            var (op, path, value) = operation;
            switch (op, path)
            {
                case ("replace", "/name"):
                    api.Name = value ?? throw BadRequest("Invalid REST API name specified");
                    break;
                case ("replace", "/description"):
                    api.Description = value;
                    break;
                case ("replace", "/policy"):
                    api.Policy = NormalizePolicy(value);
                    break;
                case ("replace", "/apiKeySource"):
                    api.ApiKeySource = value ?? "HEADER";
                    break;
                case ("replace", "/disableExecuteApiEndpoint"):
                    api.DisableExecuteApiEndpoint = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                    break;
                case ("add", "/endpointConfiguration/vpcEndpointIds"):
                    foreach (var vpce in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!api.VpcEndpointIds.Contains(vpce))
                        {
                            api.VpcEndpointIds.Add(vpce);
                        }
                    }

                    break;
                case ("remove", "/endpointConfiguration/vpcEndpointIds"):
                    api.VpcEndpointIds.RemoveAll(v => (value ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(v));
                    break;
                case ("replace", _) when path.StartsWith("/endpointConfiguration/types/", StringComparison.Ordinal):
                    api.EndpointTypes = [value ?? throw BadRequest("Invalid endpoint configuration type")];
                    break;
                default:
                    throw BadRequest($"Invalid patch path '{path}' specified for op '{op}'. Must be one of: [/name, /description, /policy, /apiKeySource, /disableExecuteApiEndpoint, /endpointConfiguration/types/{{type}}, /endpointConfiguration/vpcEndpointIds]");
            }
        }

        return Json(HttpStatusCode.OK, RestApiJson(api));
    }

    private SandboxResponse DeleteRestApi(SandboxRequest request)
    {
        var api = Api(request);
        State.RestApis.Remove(api);
        return SandboxResponse.Empty(HttpStatusCode.Accepted);
    }

    private SandboxResponse GetResources(SandboxRequest request)
    {
        var api = Api(request);
        var embed = request.Query["embed"].ToString().Contains("methods", StringComparison.Ordinal);
        var (page, next) = Page(api.ApiResources, r => r.Id, request);
        var result = new JsonObject { ["item"] = new JsonArray([.. page.Select(r => (JsonNode)ResourceJson(r, embed))]) };
        if (next is not null)
        {
            result["position"] = next;
        }

        return Json(HttpStatusCode.OK, result);
    }

    private SandboxResponse CreateResource(SandboxRequest request)
    {
        var api = Api(request);
        var parent = api.ApiResources.FirstOrDefault(r => r.Id == request.PathParameters["parent_id"])
            ?? throw NotFound("Invalid Resource identifier specified");
        var pathPart = JsonProtocol.ReadObject(request)["pathPart"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(pathPart) || pathPart.Contains('/', StringComparison.Ordinal))
        {
            throw BadRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
        }

        var path = parent.Path == "/" ? "/" + pathPart : parent.Path + "/" + pathPart;
        if (api.ApiResources.Any(r => r.Path == path))
        {
            throw new SandboxServiceException("ConflictException", $"Another resource with the same parent already has this name: {pathPart}", HttpStatusCode.Conflict);
        }

        var resource = new ApiResourceRecord { Id = NewId(10), ParentId = parent.Id, PathPart = pathPart, Path = path };
        api.ApiResources.Add(resource);
        return Json(HttpStatusCode.Created, ResourceJson(resource, embedMethods: false));
    }

    private SandboxResponse PutMethod(SandboxRequest request)
    {
        var resource = Resource(request);
        var httpMethod = request.PathParameters["http_method"].ToUpperInvariant();
        if (httpMethod is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" or "ANY"))
        {
            throw BadRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
        }

        if (resource.Methods.ContainsKey(httpMethod))
        {
            throw new SandboxServiceException("ConflictException", "Method already exists for this resource", HttpStatusCode.Conflict);
        }

        var body = JsonProtocol.ReadObject(request);
        var authorizationType = body["authorizationType"]?.GetValue<string>() ?? throw BadRequest("Authorization type must be specified");
        var method = new JsonObject
        {
            ["httpMethod"] = httpMethod,
            ["authorizationType"] = authorizationType,
            ["apiKeyRequired"] = body["apiKeyRequired"]?.GetValue<bool>() ?? false,
        };
        foreach (var optional in new[] { "authorizerId", "operationName", "requestParameters", "requestModels", "requestValidatorId", "authorizationScopes" })
        {
            if (body[optional] is { } value)
            {
                method[optional] = value.DeepClone();
            }
        }

        resource.Methods[httpMethod] = method;
        return Json(HttpStatusCode.Created, method.DeepClone());
    }

    private SandboxResponse PutMethodResponse(SandboxRequest request)
    {
        var method = Method(request);
        var statusCode = request.PathParameters["status_code"];
        var body = JsonProtocol.ReadObject(request);
        var response = new JsonObject { ["statusCode"] = statusCode };
        foreach (var optional in new[] { "responseParameters", "responseModels" })
        {
            if (body[optional] is { } value)
            {
                response[optional] = value.DeepClone();
            }
        }

        var responses = method["methodResponses"] as JsonObject ?? [];
        responses[statusCode] = response;
        method["methodResponses"] = responses;
        return Json(HttpStatusCode.Created, response.DeepClone());
    }

    private SandboxResponse PutIntegration(SandboxRequest request)
    {
        var method = Method(request);
        var body = JsonProtocol.ReadObject(request);
        var type = body["type"]?.GetValue<string>();
        if (type is not ("MOCK" or "HTTP" or "HTTP_PROXY" or "AWS" or "AWS_PROXY"))
        {
            throw BadRequest("Invalid integration type specified. Valid options are HTTP,HTTP_PROXY,AWS,AWS_PROXY,MOCK");
        }

        if (type != "MOCK" && body["uri"] is null)
        {
            throw BadRequest("Enumeration value for HttpMethod must be non-empty");
        }

        var integration = new JsonObject
        {
            ["type"] = type,
            ["passthroughBehavior"] = body["passthroughBehavior"]?.GetValue<string>() ?? "WHEN_NO_MATCH",
            ["timeoutInMillis"] = body["timeoutInMillis"]?.GetValue<int>() ?? 29000,
            ["cacheNamespace"] = request.PathParameters["resource_id"],
            ["cacheKeyParameters"] = new JsonArray(),
        };
        if (body["integrationHttpMethod"] is { } integrationMethod)
        {
            integration["httpMethod"] = integrationMethod.DeepClone();
        }

        foreach (var optional in new[] { "uri", "connectionType", "connectionId", "credentials", "requestParameters", "requestTemplates", "contentHandling" })
        {
            if (body[optional] is { } value)
            {
                integration[optional] = value.DeepClone();
            }
        }

        method["methodIntegration"] = integration;
        return Json(HttpStatusCode.Created, integration.DeepClone());
    }

    private SandboxResponse PutIntegrationResponse(SandboxRequest request)
    {
        var method = Method(request);
        var integration = method["methodIntegration"] as JsonObject ?? throw NotFound("No integration defined for method");
        var statusCode = request.PathParameters["status_code"];
        if ((method["methodResponses"] as JsonObject)?.ContainsKey(statusCode) != true)
        {
            throw NotFound("Invalid Response status code specified");
        }

        var body = JsonProtocol.ReadObject(request);
        var response = new JsonObject { ["statusCode"] = statusCode };
        foreach (var optional in new[] { "selectionPattern", "responseParameters", "responseTemplates", "contentHandling" })
        {
            if (body[optional] is { } value)
            {
                response[optional] = value.DeepClone();
            }
        }

        var responses = integration["integrationResponses"] as JsonObject ?? [];
        responses[statusCode] = response;
        integration["integrationResponses"] = responses;
        return Json(HttpStatusCode.Created, response.DeepClone());
    }

    private SandboxResponse CreateDeployment(SandboxRequest request)
    {
        var api = Api(request);
        if (api.IsPrivate && string.IsNullOrWhiteSpace(api.Policy))
        {
            throw BadRequest("Private REST API doesn't have a resource policy attached to it");
        }

        if (api.ApiResources.All(r => r.Methods.Count == 0))
        {
            throw BadRequest("The REST API doesn't contain any methods");
        }

        var body = JsonProtocol.ReadObject(request);
        var now = _world.Now;
        var deployment = new DeploymentRecord
        {
            Id = NewId(6),
            Description = body["description"]?.GetValue<string>(),
            CreatedDate = now,
            Policy = api.Policy,
            Methods = api.ApiResources.ToDictionary(
                r => r.Path,
                r => r.Methods.ToDictionary(m => m.Key, m => (JsonObject)m.Value.DeepClone(), StringComparer.Ordinal),
                StringComparer.Ordinal),
        };
        api.Deployments.Add(deployment);
        if (body["stageName"]?.GetValue<string>() is { Length: > 0 } stageName)
        {
            var stage = api.Stages.FirstOrDefault(s => s.StageName == stageName);
            if (stage is null)
            {
                stage = new StageRecord { StageName = stageName, CreatedDate = now, Description = body["stageDescription"]?.GetValue<string>() };
                api.Stages.Add(stage);
            }

            stage.DeploymentId = deployment.Id;
            stage.LastUpdatedDate = now;
            if (body["variables"] is JsonObject variables)
            {
                stage.Variables = variables.ToDictionary(v => v.Key, v => v.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
            }
        }

        var result = new JsonObject { ["id"] = deployment.Id, ["createdDate"] = JsonProtocol.EpochSeconds(now) };
        if (deployment.Description is not null)
        {
            result["description"] = deployment.Description;
        }

        return Json(HttpStatusCode.Created, result);
    }

    private SandboxResponse DeleteStage(SandboxRequest request)
    {
        var api = Api(request);
        api.Stages.Remove(Stage(api, request.PathParameters["stage_name"]));
        return SandboxResponse.Empty(HttpStatusCode.Accepted);
    }

    private SandboxResponse CreateDomainName(SandboxRequest request)
    {
        var body = JsonProtocol.ReadObject(request);
        var name = body["domainName"]?.GetValue<string>()?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            throw BadRequest("Invalid domain name identifier specified");
        }

        var types = Strings((body["endpointConfiguration"] as JsonObject)?["types"]);
        if (types.Count == 0)
        {
            types = ["EDGE"];
        }

        if (State.DomainNames.Any(d => d.Region == request.Region && d.DomainName == name))
        {
            throw new SandboxServiceException("ConflictException", "The domain name you provided already exists.", HttpStatusCode.Conflict);
        }

        var regional = types.Contains("REGIONAL");
        var certificateArn = regional ? body["regionalCertificateArn"]?.GetValue<string>() : body["certificateArn"]?.GetValue<string>();
        var certificateRegion = regional ? request.Region : "us-east-1";
        if (string.IsNullOrEmpty(certificateArn))
        {
            throw BadRequest(regional
                ? "A regional certificate is required for a REGIONAL domain name: specify regionalCertificateArn"
                : "A certificate is required for an EDGE domain name: specify certificateArn");
        }

        var certificate = _world.Part<AcmState>().Find(certificateArn);
        if (certificate is null || certificate.Region != certificateRegion)
        {
            throw BadRequest($"Invalid certificate ARN: {certificateArn}. Certificate must be in '{certificateRegion}'.");
        }

        if (certificate.StatusAt(_world.Now) != "ISSUED")
        {
            throw BadRequest($"Certificate {certificateArn} is not in ISSUED state (it is {certificate.StatusAt(_world.Now)}).");
        }

        if (!certificate.Covers(name))
        {
            throw BadRequest($"The certificate {certificateArn} does not cover the domain name {name}.");
        }

        var id = NewId(10);
        var domain = new DomainNameRecord
        {
            Id = name,
            Arn = $"arn:aws:apigateway:{request.Region}::/domainnames/{name}",
            Region = request.Region,
            DomainName = name,
            DomainNameId = id,
            EndpointTypes = types,
            RegionalCertificateArn = regional ? certificateArn : null,
            CertificateArn = regional ? null : certificateArn,
            RegionalDomainName = regional ? $"d-{id}.execute-api.{request.Region}.amazonaws.com" : "",
            RegionalHostedZoneId = regional ? RegionalHostedZones.GetValueOrDefault(request.Region, "ZLY8HYME6SFDD") : "",
            SecurityPolicy = body["securityPolicy"]?.GetValue<string>() ?? "TLS_1_0",
            Tags = ReadTags(body["tags"]),
        };
        _world.Stamp(domain, request);
        domain.AvailableAt = _world.Now + _world.Latency.Of(SandboxLifecycles.ApiGatewayDomain);
        State.DomainNames.Add(domain);
        certificate.InUseBy.Add(domain.Arn);
        return Json(HttpStatusCode.Created, DomainJson(domain));
    }

    private SandboxResponse GetDomainNames(SandboxRequest request)
    {
        var domains = State.DomainNames.Where(d => d.Region == request.Region && d.IsVisible(_world.Now)).ToList();
        var (page, next) = Page(domains, d => d.DomainName, request);
        var result = new JsonObject { ["item"] = new JsonArray([.. page.Select(d => (JsonNode)DomainJson(d))]) };
        if (next is not null)
        {
            result["position"] = next;
        }

        return Json(HttpStatusCode.OK, result);
    }

    private SandboxResponse DeleteDomainName(SandboxRequest request)
    {
        var domain = Domain(request);
        State.DomainNames.Remove(domain);
        var certificateArn = domain.RegionalCertificateArn ?? domain.CertificateArn;
        if (certificateArn is not null)
        {
            _world.Part<AcmState>().Find(certificateArn)?.InUseBy.Remove(domain.Arn);
        }

        return SandboxResponse.Empty(HttpStatusCode.Accepted);
    }

    private SandboxResponse CreateBasePathMapping(SandboxRequest request)
    {
        var domain = Domain(request);
        var body = JsonProtocol.ReadObject(request);
        var apiId = body["restApiId"]?.GetValue<string>() ?? throw BadRequest("Invalid REST API identifier specified");
        var api = State.RestApis.FirstOrDefault(a => a.Region == request.Region && a.Id == apiId)
            ?? throw BadRequest("Invalid REST API identifier specified");
        var stage = body["stage"]?.GetValue<string>();
        if (stage is not null && api.Stages.All(s => s.StageName != stage))
        {
            throw BadRequest("Invalid stage identifier specified");
        }

        var basePath = body["basePath"]?.GetValue<string>() is { Length: > 0 } path && path != "(none)" ? path.Trim('/') : "(none)";
        if (domain.Mappings.Any(m => m.BasePath == basePath))
        {
            throw new SandboxServiceException("ConflictException", "Base path already exists for this domain name", HttpStatusCode.Conflict);
        }

        var mapping = new BasePathMappingRecord(basePath, api.Id, stage);
        domain.Mappings.Add(mapping);
        return Json(HttpStatusCode.Created, MappingJson(mapping));
    }

    private SandboxResponse DeleteBasePathMapping(SandboxRequest request)
    {
        var domain = Domain(request);
        domain.Mappings.Remove(Mapping(request));
        return SandboxResponse.Empty(HttpStatusCode.Accepted);
    }

    private SandboxResponse TagResource(SandboxRequest request)
    {
        var tags = ReadTags(JsonProtocol.ReadObject(request)["tags"]);
        var target = Tagged(request);
        foreach (var tag in tags)
        {
            target.Tags.RemoveAll(t => t.Key == tag.Key);
            target.Tags.Add(tag);
        }

        return SandboxResponse.Empty(HttpStatusCode.NoContent);
    }

    private SandboxResponse UntagResource(SandboxRequest request)
    {
        var keys = request.Query["tagKeys"].SelectMany(k => (k ?? "").Split(',')).ToHashSet(StringComparer.Ordinal);
        Tagged(request).Tags.RemoveAll(t => keys.Contains(t.Key));
        return SandboxResponse.Empty(HttpStatusCode.NoContent);
    }

    /// <summary>What carries the tags of an ARN: an API, a stage, or a domain name.</summary>
    private TagHolder Tagged(SandboxRequest request)
    {
        var arn = request.PathParameters["resource_arn"];
        var parts = arn.Split("::/", 2);
        var region = parts[0].Split(':').ElementAtOrDefault(3) ?? "";
        var path = parts.Length == 2 ? parts[1].Split('/') : [];
        switch (path)
        {
            case ["restapis", var apiId]:
                return new TagHolder(FindApi(region, apiId).Tags);
            case ["restapis", var apiId, "stages", var stageName]:
                return new TagHolder(Stage(FindApi(region, apiId), stageName).Tags);
            case ["domainnames", var name]:
                return new TagHolder((State.DomainNames.FirstOrDefault(d => d.Region == region && d.DomainName == name)
                    ?? throw NotFound($"Invalid domain name identifier specified: {name}")).Tags);
            default:
                throw BadRequest($"Invalid resource ARN: {arn}");
        }
    }

    private sealed record TagHolder(List<SandboxTag> Tags);

    private RestApiRecord Api(SandboxRequest request) => FindApi(request.Region, request.PathParameters["restapi_id"]);

    private RestApiRecord FindApi(string region, string id) =>
        State.RestApis.FirstOrDefault(a => a.Region == region && a.Id == id && a.IsVisible(_world.Now))
        ?? throw NotFound($"Invalid API identifier specified {Seed.SandboxSeed.AccountId}:{id}");

    private ApiResourceRecord Resource(SandboxRequest request) =>
        Api(request).ApiResources.FirstOrDefault(r => r.Id == request.PathParameters["resource_id"])
        ?? throw NotFound("Invalid Resource identifier specified");

    private JsonObject Method(SandboxRequest request) =>
        Resource(request).Methods.GetValueOrDefault(request.PathParameters["http_method"].ToUpperInvariant())
        ?? throw NotFound("Invalid Method identifier specified");

    private static StageRecord Stage(RestApiRecord api, string name) =>
        api.Stages.FirstOrDefault(s => s.StageName == name) ?? throw NotFound("Invalid Stage identifier specified");

    private DomainNameRecord Domain(SandboxRequest request)
    {
        var name = request.PathParameters["domain_name"].ToLowerInvariant();
        return State.DomainNames.FirstOrDefault(d => d.Region == request.Region && d.DomainName == name && d.IsVisible(_world.Now))
            ?? throw NotFound("Invalid domain name identifier specified");
    }

    private BasePathMappingRecord Mapping(SandboxRequest request)
    {
        var basePath = request.PathParameters["base_path"] is { Length: > 0 } path ? path.Trim('/') : "(none)";
        return Domain(request).Mappings.FirstOrDefault(m => m.BasePath == basePath)
            ?? throw NotFound("Invalid base path mapping identifier specified");
    }

    private static IEnumerable<(string Op, string Path, string? Value)> PatchOperations(SandboxRequest request) =>
        (JsonProtocol.ReadObject(request)["patchOperations"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(o => (o["op"]?.GetValue<string>() ?? "", o["path"]?.GetValue<string>() ?? "", o["value"]?.GetValue<string>()));

    private static JsonObject RestApiJson(RestApiRecord api)
    {
        var endpoint = new JsonObject { ["types"] = new JsonArray([.. api.EndpointTypes.Select(t => (JsonNode)t)]) };
        if (api.VpcEndpointIds.Count > 0)
        {
            endpoint["vpcEndpointIds"] = new JsonArray([.. api.VpcEndpointIds.Select(v => (JsonNode)v)]);
        }

        var json = new JsonObject
        {
            ["id"] = api.Id,
            ["name"] = api.Name,
            ["createdDate"] = JsonProtocol.EpochSeconds(api.CreatedAt),
            ["apiKeySource"] = api.ApiKeySource,
            ["endpointConfiguration"] = endpoint,
            ["disableExecuteApiEndpoint"] = api.DisableExecuteApiEndpoint,
            ["rootResourceId"] = api.RootResourceId,
        };
        if (api.Description is not null)
        {
            json["description"] = api.Description;
        }

        if (api.Policy is not null)
        {
            // API Gateway hands the policy back with the quotes inside the string escaped: {\"Version\":...}.
            json["policy"] = api.Policy.Replace("\"", "\\\"", StringComparison.Ordinal);
        }

        if (api.Tags.Count > 0)
        {
            json["tags"] = TagsJson(api.Tags);
        }

        return json;
    }

    /// <summary>Stores a policy as plain JSON, whether it was sent plain or escaped the way API Gateway returns it.</summary>
    private static string? NormalizePolicy(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(policy);
            return document.RootElement.GetRawText();
        }
        catch (System.Text.Json.JsonException)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(System.Text.RegularExpressions.Regex.Unescape(policy));
                return document.RootElement.GetRawText();
            }
            catch (System.Text.Json.JsonException)
            {
                throw BadRequest("Invalid policy document. Please check the policy syntax and try again.");
            }
        }
    }

    private static JsonObject ResourceJson(ApiResourceRecord resource, bool embedMethods)
    {
        var json = new JsonObject { ["id"] = resource.Id, ["path"] = resource.Path };
        if (resource.ParentId is not null)
        {
            json["parentId"] = resource.ParentId;
            json["pathPart"] = resource.PathPart;
        }

        if (resource.Methods.Count > 0)
        {
            var methods = new JsonObject();
            foreach (var (verb, method) in resource.Methods)
            {
                methods[verb] = embedMethods ? method.DeepClone() : new JsonObject();
            }

            json["resourceMethods"] = methods;
        }

        return json;
    }

    private static JsonObject StageJson(StageRecord stage)
    {
        var json = new JsonObject
        {
            ["deploymentId"] = stage.DeploymentId,
            ["stageName"] = stage.StageName,
            ["cacheClusterEnabled"] = false,
            ["cacheClusterStatus"] = "NOT_AVAILABLE",
            ["methodSettings"] = new JsonObject(),
            ["tracingEnabled"] = false,
            ["createdDate"] = JsonProtocol.EpochSeconds(stage.CreatedDate),
            ["lastUpdatedDate"] = JsonProtocol.EpochSeconds(stage.LastUpdatedDate),
        };
        if (stage.Description is not null)
        {
            json["description"] = stage.Description;
        }

        if (stage.Variables.Count > 0)
        {
            json["variables"] = new JsonObject(stage.Variables.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
        }

        if (stage.Tags.Count > 0)
        {
            json["tags"] = TagsJson(stage.Tags);
        }

        return json;
    }

    private JsonObject DomainJson(DomainNameRecord domain)
    {
        var json = new JsonObject
        {
            ["domainName"] = domain.DomainName,
            ["domainNameArn"] = domain.Arn,
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray([.. domain.EndpointTypes.Select(t => (JsonNode)t)]) },
            ["domainNameStatus"] = domain.StatusAt(_world.Now),
            ["securityPolicy"] = domain.SecurityPolicy,
        };
        if (domain.RegionalCertificateArn is not null)
        {
            json["regionalDomainName"] = domain.RegionalDomainName;
            json["regionalHostedZoneId"] = domain.RegionalHostedZoneId;
            json["regionalCertificateArn"] = domain.RegionalCertificateArn;
        }

        if (domain.CertificateArn is not null)
        {
            json["certificateArn"] = domain.CertificateArn;
        }

        if (domain.Tags.Count > 0)
        {
            json["tags"] = TagsJson(domain.Tags);
        }

        return json;
    }

    private static JsonObject MappingJson(BasePathMappingRecord mapping)
    {
        var json = new JsonObject { ["basePath"] = mapping.BasePath, ["restApiId"] = mapping.RestApiId };
        if (mapping.Stage is not null)
        {
            json["stage"] = mapping.Stage;
        }

        return json;
    }

    private static JsonObject TagsJson(IEnumerable<SandboxTag> tags) =>
        new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));

    private static List<SandboxTag> ReadTags(JsonNode? tags) =>
        tags is JsonObject map ? [.. map.Select(t => new SandboxTag(t.Key, t.Value?.GetValue<string>() ?? ""))] : [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.GetValue<string>()).OfType<string>()] : [];

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

        var page = items.Skip(start).Take(limit).ToList();
        return (page, start + limit < items.Count ? key(items[start + limit]) : null);
    }

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
