using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

public sealed partial class ApiGatewayService
{
    private SandboxResponse GetTags(SandboxRequest request) => Json(HttpStatusCode.OK, new JsonObject { ["tags"] = TagsJson(Tagged(request).Tags) });

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

    private static JsonObject TagsJson(IEnumerable<SandboxTag> tags) =>
        new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));

    private static List<SandboxTag> ReadTags(JsonNode? tags) =>
        tags is JsonObject map ? SandboxTags.From(map.Select(t => (t.Key, t.Value?.GetValue<string>()))) : [];
}
