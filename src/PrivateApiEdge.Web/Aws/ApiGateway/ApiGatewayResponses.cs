using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

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
