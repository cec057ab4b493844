using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

public sealed partial class ApiGatewayService
{
    private SandboxResponse GetMethod(SandboxRequest request) => Json(HttpStatusCode.OK, Method(request).DeepClone());

    private SandboxResponse GetResource(SandboxRequest request) => Json(HttpStatusCode.OK, ResourceJson(Resource(request), embedMethods: true));

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

    private ApiResourceRecord Resource(SandboxRequest request) =>
        Api(request).ApiResources.FirstOrDefault(r => r.Id == request.PathParameters["resource_id"])
        ?? throw NotFound("Invalid Resource identifier specified");

    private JsonObject Method(SandboxRequest request) =>
        Resource(request).Methods.GetValueOrDefault(request.PathParameters["http_method"].ToUpperInvariant())
        ?? throw NotFound("Invalid Method identifier specified");

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
}
