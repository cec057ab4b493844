using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

// The request and response records of each operation; the structures inside them are in ApiGatewayShapes.cs.
// Request records mirror the model's input shapes. Members bound to the URI (labels, query string) carry
// [JsonIgnore]; everything else is the JSON body under the model's member name (camelCase). Required URI labels of
// serialized requests are constructor parameters: System.Text.Json rejects `required` on ignored members.

public sealed record CreateRestApiRequest
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary>The resource policy as a JSON document in a string, as the API expects.</summary>
    public string? Policy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public bool? DisableExecuteApiEndpoint { get; init; }
}

public sealed record GetRestApiRequest(string RestApiId);

public sealed record GetRestApisRequest
{
    [JsonIgnore]
    public string? Position { get; init; }

    [JsonIgnore]
    public int? Limit { get; init; }
}

public sealed record DeleteRestApiRequest(string RestApiId);

public sealed record UpdateRestApiRequest(
    [property: JsonIgnore] string RestApiId,
    IReadOnlyList<PatchOperation> PatchOperations);

public sealed record GetResourcesRequest
{
    [JsonIgnore]
    public required string RestApiId { get; init; }

    [JsonIgnore]
    public string? Position { get; init; }

    [JsonIgnore]
    public int? Limit { get; init; }
}

public sealed record PutMethodRequest([property: JsonIgnore] string RestApiId, [property: JsonIgnore] string ResourceId, [property: JsonIgnore] string HttpMethod)
{
    /// <summary><c>NONE</c>, <c>AWS_IAM</c>, <c>CUSTOM</c> or <c>COGNITO_USER_POOLS</c>.</summary>
    public required string AuthorizationType { get; init; }

    public bool? ApiKeyRequired { get; init; }

    public string? OperationName { get; init; }
}

public sealed record PutMethodResponseRequest([property: JsonIgnore] string RestApiId, [property: JsonIgnore] string ResourceId, [property: JsonIgnore] string HttpMethod, [property: JsonIgnore] string StatusCode)
{
    public IReadOnlyDictionary<string, bool>? ResponseParameters { get; init; }

    public IReadOnlyDictionary<string, string>? ResponseModels { get; init; }
}

public sealed record PutIntegrationRequest([property: JsonIgnore] string RestApiId, [property: JsonIgnore] string ResourceId, [property: JsonIgnore] string HttpMethod)
{
    /// <summary><c>HTTP</c>, <c>AWS</c>, <c>MOCK</c>, <c>HTTP_PROXY</c> or <c>AWS_PROXY</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The backend's method; the model sends it as <c>httpMethod</c> in the body.</summary>
    [JsonPropertyName("httpMethod")]
    public string? IntegrationHttpMethod { get; init; }

    public string? Uri { get; init; }

    public IReadOnlyDictionary<string, string>? RequestTemplates { get; init; }

    /// <summary><c>WHEN_NO_MATCH</c>, <c>WHEN_NO_TEMPLATES</c> or <c>NEVER</c>.</summary>
    public string? PassthroughBehavior { get; init; }

    public int? TimeoutInMillis { get; init; }
}

public sealed record PutIntegrationResponseRequest([property: JsonIgnore] string RestApiId, [property: JsonIgnore] string ResourceId, [property: JsonIgnore] string HttpMethod, [property: JsonIgnore] string StatusCode)
{
    public string? SelectionPattern { get; init; }

    public IReadOnlyDictionary<string, string>? ResponseParameters { get; init; }

    public IReadOnlyDictionary<string, string>? ResponseTemplates { get; init; }
}

public sealed record CreateDeploymentRequest([property: JsonIgnore] string RestApiId)
{
    public string? StageName { get; init; }

    public string? StageDescription { get; init; }

    public string? Description { get; init; }
}

public sealed record GetStageRequest(string RestApiId, string StageName);

public sealed record GetStagesRequest
{
    [JsonIgnore]
    public required string RestApiId { get; init; }

    [JsonIgnore]
    public string? DeploymentId { get; init; }
}

public sealed record CreateDomainNameRequest
{
    public required string DomainName { get; init; }

    public string? RegionalCertificateArn { get; init; }

    public string? CertificateArn { get; init; }

    public EndpointConfiguration? EndpointConfiguration { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary><c>TLS_1_0</c>, <c>TLS_1_2</c> or one of the newer named policies.</summary>
    public string? SecurityPolicy { get; init; }
}

public sealed record GetDomainNameRequest(string DomainName);

public sealed record DeleteDomainNameRequest(string DomainName);

public sealed record CreateBasePathMappingRequest([property: JsonIgnore] string DomainName)
{
    /// <summary>Null (omitted) maps the root of the domain, which AWS then reports as <c>(none)</c>.</summary>
    public string? BasePath { get; init; }

    public required string RestApiId { get; init; }

    public string? Stage { get; init; }
}

public sealed record GetBasePathMappingsRequest
{
    [JsonIgnore]
    public required string DomainName { get; init; }

    [JsonIgnore]
    public string? Position { get; init; }

    [JsonIgnore]
    public int? Limit { get; init; }
}

/// <param name="DomainName">The custom domain.</param>
/// <param name="BasePath">The mapping's base path; null or empty means the root mapping (<c>(none)</c> on the wire).</param>
public sealed record DeleteBasePathMappingRequest(string DomainName, string? BasePath);

/// <param name="ResourceArn">e.g. <c>arn:aws:apigateway:eu-west-1::/restapis/a1b2c3</c>.</param>
/// <param name="Tags">Tags to add or overwrite.</param>
public sealed record TagResourceRequest(
    [property: JsonIgnore] string ResourceArn,
    IReadOnlyDictionary<string, string> Tags);

public sealed record GetTagsRequest(string ResourceArn);

// ---------- Responses ----------

// Paged answers: the model names the list "item" on the wire and pages by an opaque "position".

public sealed record GetRestApisResponse
{
    public string? Position { get; init; }

    [JsonPropertyName("item")]
    public IReadOnlyList<RestApi> Items { get; init; } = [];
}

public sealed record GetResourcesResponse
{
    public string? Position { get; init; }

    [JsonPropertyName("item")]
    public IReadOnlyList<ApiResource> Items { get; init; } = [];
}

public sealed record GetStagesResponse
{
    [JsonPropertyName("item")]
    public IReadOnlyList<Stage> Items { get; init; } = [];
}

public sealed record GetBasePathMappingsResponse
{
    public string? Position { get; init; }

    [JsonPropertyName("item")]
    public IReadOnlyList<BasePathMapping> Items { get; init; } = [];
}

public sealed record GetTagsResponse
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
