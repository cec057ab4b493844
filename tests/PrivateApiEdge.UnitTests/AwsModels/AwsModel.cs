// Model-driven wire checks for AWS requests and responses.
//
// Loads the official API model ../shared/aws-api-models/<service>/service-2.json (found by walking up from the
// test binaries to the folder holding PrivateApiEdge.sln) and checks a captured request, or a response body,
// against one operation. Protocols: rest-xml (CloudFront, Route 53), query (ELBv2, STS), ec2, rest-json
// (API Gateway) and json (ACM).
//
//   var operation = AwsModel.Load("cloudfront").Operation("CreateVpcOrigin");
//   operation.AssertRequestConforms(request, body);   // body: the request content as sent (a string)
//   operation.AssertResponseConforms(responseBody);   // XML or JSON, per the service's protocol
//
// Requests: HTTP method; URI path against requestUri with {Label} and {Label+} (greedy); static query keys of
// the template; query-string members (locationName), header members (locationName); required members present;
// body: rest-xml root element (input locationName or payload member) and XML namespace on every element, member
// and list item names (locationName, flattened lists), no unknown or duplicate members, boolean/number/timestamp
// formats, enum values; query/ec2: Action and Version, Name.member.N / Tags.member.N.Key flattening (EC2: Name.N),
// no unknown parameters; json: X-Amz-Target and Content-Type; rest-json: body members by locationName.
// Responses: rest-xml root (payload member or <Operation>Response) in the service namespace; query
// <Operation>Response/<ResultWrapper> + ResponseMetadata; ec2 <Operation>Response with requestId; JSON objects
// by member name. Unknown elements or members fail. Use ValidateRequest/ValidateResponse to get the problems
// as a list (e.g. to prove that a malformed message is rejected).
using System.Collections.Concurrent;
using System.Text.Json;

namespace PrivateApiEdge.UnitTests.AwsModels;

/// <summary>One AWS service model (botocore <c>service-2.json</c>).</summary>
public sealed class AwsModel
{
    private static readonly ConcurrentDictionary<string, AwsModel> Cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly JsonElement _shapes;
    private readonly JsonElement _operations;

    private AwsModel(string service, JsonDocument document)
    {
        Service = service;
        var root = document.RootElement;
        var metadata = root.GetProperty("metadata");
        Protocol = metadata.GetProperty("protocol").GetString()!;
        ApiVersion = metadata.GetProperty("apiVersion").GetString()!;
        TargetPrefix = metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null;
        JsonVersion = metadata.TryGetProperty("jsonVersion", out var version) ? version.GetString() : null;
        XmlNamespace = metadata.TryGetProperty("xmlNamespace", out var ns) ? ns.GetString() : null;
        _shapes = root.GetProperty("shapes");
        _operations = root.GetProperty("operations");

        // REST-XML services name their namespace on inputs only; responses use the same one.
        if (XmlNamespace is null && Protocol == "rest-xml")
        {
            XmlNamespace = _operations.EnumerateObject()
                .Select(o => o.Value.GetProperty("input"))
                .Where(i => i.TryGetProperty("xmlNamespace", out _))
                .Select(i => i.GetProperty("xmlNamespace").GetProperty("uri").GetString())
                .FirstOrDefault();
        }
    }

    public string Service { get; }

    /// <summary><c>rest-xml</c>, <c>query</c>, <c>ec2</c>, <c>rest-json</c> or <c>json</c>.</summary>
    public string Protocol { get; }

    public string ApiVersion { get; }

    public string? TargetPrefix { get; }

    public string? JsonVersion { get; }

    public string? XmlNamespace { get; }

    /// <summary>Loads (once per test run) the model of <paramref name="service"/>: acm, apigateway, cloudfront, ec2, elbv2, route53, sts.</summary>
    public static AwsModel Load(string service) => Cache.GetOrAdd(service, static name =>
    {
        var path = Path.Combine(ModelsDirectory(), name, "service-2.json");
        using var stream = File.OpenRead(path);
        return new AwsModel(name, JsonDocument.Parse(stream));
    });

    public static string ModelsDirectory() => Path.Combine(RepositoryRoot(), "..", "shared", "aws-api-models");

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrivateApiEdge.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PrivateApiEdge.sln above {AppContext.BaseDirectory}.");
    }

    public AwsModelOperation Operation(string name) =>
        _operations.TryGetProperty(name, out var operation)
            ? new AwsModelOperation(this, name, operation)
            : throw new ArgumentException($"{Service} has no operation {name}.", nameof(name));

    internal JsonElement Shape(string name) => _shapes.GetProperty(name);
}
