using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

// Shapes named as in the API Gateway model (DomainName is CustomDomainName: a record cannot share its name with
// its DomainName member). Members the portal does not read are left out; unknown JSON members are ignored.

public sealed record EndpointConfiguration
{
    /// <summary><c>EDGE</c>, <c>REGIONAL</c> or <c>PRIVATE</c>.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string>? VpcEndpointIds { get; init; }

    public string? IpAddressType { get; init; }
}

public sealed record PatchOperation(string Op, string Path, string? Value = null)
{
    /// <summary>Replaces the resource policy of a REST API (the operation needs <c>apigateway:UpdateRestApiPolicy</c>).</summary>
    public static PatchOperation ReplacePolicy(string policyJson) => new("replace", "/policy", policyJson);
}

public sealed record RestApi
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? Description { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary>
    /// The resource policy as AWS returns it. Live API Gateway escapes the quotes inside this string
    /// (<c>{\"Version\":...}</c>), so look for ids in it rather than parsing it as JSON.
    /// </summary>
    public string? Policy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public bool? DisableExecuteApiEndpoint { get; init; }

    public string? RootResourceId { get; init; }

    public string? ApiStatus { get; init; }
}

public sealed record ApiResource
{
    public string Id { get; init; } = "";

    public string? ParentId { get; init; }

    public string? PathPart { get; init; }

    public string? Path { get; init; }
}

public sealed record Method
{
    public string? HttpMethod { get; init; }

    public string? AuthorizationType { get; init; }

    public bool? ApiKeyRequired { get; init; }
}

public sealed record MethodResponse
{
    public string? StatusCode { get; init; }

    public IReadOnlyDictionary<string, bool>? ResponseParameters { get; init; }

    public IReadOnlyDictionary<string, string>? ResponseModels { get; init; }
}

public sealed record Integration
{
    public string? Type { get; init; }

    public string? HttpMethod { get; init; }

    public string? Uri { get; init; }

    public IReadOnlyDictionary<string, string>? RequestTemplates { get; init; }

    public string? PassthroughBehavior { get; init; }

    public int? TimeoutInMillis { get; init; }
}

public sealed record IntegrationResponse
{
    public string? StatusCode { get; init; }

    public string? SelectionPattern { get; init; }

    public IReadOnlyDictionary<string, string>? ResponseTemplates { get; init; }
}

/// <summary>The model's <c>Deployment</c> shape, renamed so it never clashes with the portal's own Deployment entity.</summary>
public sealed record RestApiDeployment
{
    public string Id { get; init; } = "";

    public string? Description { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? CreatedDate { get; init; }
}

public sealed record Stage
{
    public string? DeploymentId { get; init; }

    public string StageName { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? LastUpdatedDate { get; init; }
}

public sealed record CustomDomainName
{
    public string DomainName { get; init; } = "";

    public string? DomainNameArn { get; init; }

    public string? CertificateArn { get; init; }

    public string? RegionalDomainName { get; init; }

    public string? RegionalHostedZoneId { get; init; }

    public string? RegionalCertificateArn { get; init; }

    public string? DistributionDomainName { get; init; }

    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary><c>AVAILABLE</c>, <c>UPDATING</c>, <c>PENDING</c>...</summary>
    public string? DomainNameStatus { get; init; }

    public string? DomainNameStatusMessage { get; init; }

    public string? SecurityPolicy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record BasePathMapping
{
    /// <summary>How AWS names the root mapping (created without a base path) in answers and in URIs.</summary>
    public const string RootBasePath = "(none)";

    public string? BasePath { get; init; }

    public string? RestApiId { get; init; }

    public string? Stage { get; init; }

    [JsonIgnore]
    public bool IsRoot => string.IsNullOrEmpty(BasePath) || BasePath == RootBasePath;
}
