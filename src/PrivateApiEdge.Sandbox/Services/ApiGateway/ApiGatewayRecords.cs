using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

/// <summary>API Gateway's part of the world: REST APIs (with resources, deployments, stages) and custom domains.</summary>
public sealed class ApiGatewayState : SandboxStatePart
{
    public List<RestApiRecord> RestApis { get; set; } = [];
    public List<DomainNameRecord> DomainNames { get; set; } = [];

    public override IEnumerable<SandboxResource> Resources() => RestApis.Cast<SandboxResource>().Concat(DomainNames);
}

public sealed class RestApiRecord : SandboxResource
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> EndpointTypes { get; set; } = [];
    public List<string> VpcEndpointIds { get; set; } = [];
    public string? Policy { get; set; }
    public string ApiKeySource { get; set; } = "HEADER";
    public bool DisableExecuteApiEndpoint { get; set; }
    public string RootResourceId { get; set; } = "";
    public List<ApiResourceRecord> ApiResources { get; set; } = [];
    public List<DeploymentRecord> Deployments { get; set; } = [];
    public List<StageRecord> Stages { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "apigateway:restapi";

    [JsonIgnore]
    public bool IsPrivate => EndpointTypes.Contains("PRIVATE");

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["name"] = Name,
        ["endpointTypes"] = string.Join(",", EndpointTypes),
        ["stages"] = string.Join(",", Stages.Select(s => s.StageName)),
    };
}

/// <summary>A resource (path) of an API; its methods are kept in the API's wire shape (<c>Method</c>).</summary>
public sealed class ApiResourceRecord
{
    public string Id { get; set; } = "";
    public string? ParentId { get; set; }
    public string? PathPart { get; set; }
    public string Path { get; set; } = "/";
    public Dictionary<string, JsonObject> Methods { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A deployment freezes the methods (path → verb → Method) and the resource policy of the moment.</summary>
public sealed class DeploymentRecord
{
    public string Id { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedDate { get; set; }
    public string? Policy { get; set; }
    public Dictionary<string, Dictionary<string, JsonObject>> Methods { get; set; } = new(StringComparer.Ordinal);
}

public sealed class StageRecord
{
    public string StageName { get; set; } = "";
    public string DeploymentId { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedDate { get; set; }
    public DateTimeOffset LastUpdatedDate { get; set; }
    public Dictionary<string, string> Variables { get; set; } = new(StringComparer.Ordinal);
    public List<SandboxTag> Tags { get; set; } = [];
}

public sealed class DomainNameRecord : SandboxResource
{
    public string DomainName { get; set; } = "";
    public string DomainNameId { get; set; } = "";
    public List<string> EndpointTypes { get; set; } = [];
    public string? RegionalCertificateArn { get; set; }
    public string? CertificateArn { get; set; }
    public string RegionalDomainName { get; set; } = "";
    public string RegionalHostedZoneId { get; set; } = "";
    public string SecurityPolicy { get; set; } = "TLS_1_0";
    public DateTimeOffset AvailableAt { get; set; }
    public List<BasePathMappingRecord> Mappings { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "apigateway:domainname";

    public string StatusAt(DateTimeOffset now) => now >= AvailableAt ? "AVAILABLE" : "UPDATING";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["domainName"] = DomainName,
        ["status"] = StatusAt(now),
        ["mappings"] = string.Join(",", Mappings.Select(m => $"{m.BasePath}->{m.RestApiId}/{m.Stage}")),
    };
}

public sealed record BasePathMappingRecord(string BasePath, string RestApiId, string? Stage);
