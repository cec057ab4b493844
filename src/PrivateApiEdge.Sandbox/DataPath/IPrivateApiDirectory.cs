using System.Text.Json.Nodes;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// What the data path asks of API Gateway behind the execute-api endpoint, as plain views; the API Gateway service
/// answers it. Only usable inside <see cref="State.SandboxWorld.Read{T}"/> or <see cref="State.SandboxWorld.Write{T}"/>.
/// </summary>
public interface IPrivateApiDirectory
{
    /// <summary>The custom domain name in the region, or null when there is none or it is not AVAILABLE yet.</summary>
    CustomDomainSnapshot? FindAvailableDomainName(string region, string domainName);

    /// <summary>
    /// The stage a base path mapping points at, with what its deployment froze, or null when the API, the stage or
    /// its deployment is missing. A null <paramref name="stageName"/> (a mapping without a stage) takes the API's
    /// first stage.
    /// </summary>
    DeployedStageSnapshot? FindDeployedStage(string region, string restApiId, string? stageName);
}

public sealed record CustomDomainSnapshot(string DomainName, IReadOnlyList<BasePathMappingSnapshot> Mappings);

/// <summary><see cref="BasePath"/> is <c>(none)</c> for the mapping of the domain's root.</summary>
public sealed record BasePathMappingSnapshot(string BasePath, string RestApiId, string? Stage);

/// <summary>
/// A stage as the edge invokes it: whether the API is PRIVATE, the resource policy and the methods
/// (path → HTTP method → method JSON with its integration) of the stage's deployment.
/// </summary>
public sealed record DeployedStageSnapshot(
    string RestApiId,
    string StageName,
    bool IsPrivate,
    string? Policy,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonObject>> Methods);
