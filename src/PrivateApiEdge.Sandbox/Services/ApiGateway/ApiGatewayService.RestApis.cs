using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

public sealed partial class ApiGatewayService
{
    private SandboxResponse GetRestApi(SandboxRequest request) => Json(HttpStatusCode.OK, RestApiJson(Api(request)));

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

    private RestApiRecord Api(SandboxRequest request) => FindApi(request.Region, request.PathParameters["restapi_id"]);

    private RestApiRecord FindApi(string region, string id) =>
        State.RestApis.FirstOrDefault(a => a.Region == region && a.Id == id && a.IsVisible(_world.Now))
        ?? throw NotFound($"Invalid API identifier specified {Seed.SandboxSeed.AccountId}:{id}");

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
}
