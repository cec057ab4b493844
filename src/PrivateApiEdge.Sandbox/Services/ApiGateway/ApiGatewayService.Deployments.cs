using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

public sealed partial class ApiGatewayService
{
    private SandboxResponse GetStage(SandboxRequest request)
    {
        var stage = Stage(Api(request), request.PathParameters["stage_name"]);
        return Json(HttpStatusCode.OK, StageJson(stage));
    }

    private SandboxResponse GetStages(SandboxRequest request) =>
        Json(HttpStatusCode.OK, new JsonObject { ["item"] = new JsonArray([.. Api(request).Stages.Select(s => (JsonNode)StageJson(s))]) });

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

    private static StageRecord Stage(RestApiRecord api, string name) =>
        api.Stages.FirstOrDefault(s => s.StageName == name) ?? throw NotFound("Invalid Stage identifier specified");

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
}
