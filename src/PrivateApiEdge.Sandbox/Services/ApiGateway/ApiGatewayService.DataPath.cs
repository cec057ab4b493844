using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.DataPath;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

public sealed partial class ApiGatewayService
{
    /// <summary>Only inside a world read or write.</summary>
    public CustomDomainSnapshot? FindAvailableDomainName(string region, string domainName)
    {
        var domain = State.DomainNames.FirstOrDefault(d => d.Region == region && d.DomainName == domainName && d.StatusAt(_world.Now) == "AVAILABLE");
        return domain is null
            ? null
            : new CustomDomainSnapshot(domain.DomainName, [.. domain.Mappings.Select(m => new BasePathMappingSnapshot(m.BasePath, m.RestApiId, m.Stage))]);
    }

    /// <summary>Only inside a world read or write.</summary>
    public DeployedStageSnapshot? FindDeployedStage(string region, string restApiId, string? stageName)
    {
        var api = State.RestApis.FirstOrDefault(a => a.Region == region && a.Id == restApiId);
        var stage = api?.Stages.FirstOrDefault(s => s.StageName == stageName) ?? (stageName is null ? api?.Stages.FirstOrDefault() : null);
        var deployment = stage is null ? null : api!.Deployments.FirstOrDefault(d => d.Id == stage.DeploymentId);
        return api is null || stage is null || deployment is null
            ? null
            : new DeployedStageSnapshot(api.Id, stage.StageName, api.IsPrivate, deployment.Policy,
                deployment.Methods.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, JsonObject>)p.Value, StringComparer.Ordinal));
    }
}
