using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

/// <summary>
/// CloudFront (rest-xml, 2020-05-31, global): VPC origins, distributions and tags, with ETag/If-Match concurrency,
/// CallerReference idempotency, alias uniqueness and the deployment lifecycles. CloudFront creates its managed
/// <c>CloudFront-VPCOrigins-Service-SG</c> with the first VPC origin in a VPC and removes it after the last.
/// One file per resource (<c>CloudFrontService.VpcOrigins.cs</c>, <c>.Distributions.cs</c> with its config rules in
/// <c>.DistributionConfig.cs</c>, <c>.Tags.cs</c>); what the data path asks is in <c>.DataPath.cs</c>.
/// </summary>
public sealed partial class CloudFrontService : ISandboxService, IDistributionDirectory
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private const string Version = "/2020-05-31";
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Upper36 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly SandboxWorld _world;
    private readonly ILoadBalancerDirectory _loadBalancers;
    private readonly WorldEdgeNetwork _network;
    private readonly RestRouteTable _routes;

    public CloudFrontService(SandboxWorld world, ILoadBalancerDirectory loadBalancers)
    {
        _world = world;
        _loadBalancers = loadBalancers;
        _network = new WorldEdgeNetwork(world);
        _routes = new RestRouteTable()
            .Add("POST", Version + "/vpc-origin", Op("CreateVpcOrigin", CreateVpcOrigin))
            .Add("GET", Version + "/vpc-origin", Op("ListVpcOrigins", ListVpcOrigins))
            .Add("GET", Version + "/vpc-origin/{Id}", Op("GetVpcOrigin", r => GetVpcOrigin(r.Id)))
            .Add("PUT", Version + "/vpc-origin/{Id}", Op("UpdateVpcOrigin", r => UpdateVpcOrigin(r.Id, r)))
            .Add("DELETE", Version + "/vpc-origin/{Id}", Op("DeleteVpcOrigin", r => DeleteVpcOrigin(r.Id, r)))
            .Add("POST", Version + "/distribution", Op("CreateDistribution", CreateDistribution))
            .Add("POST", Version + "/distribution?WithTags", Op("CreateDistributionWithTags", CreateDistribution))
            .Add("GET", Version + "/distribution", Op("ListDistributions", ListDistributions))
            .Add("GET", Version + "/distribution/{Id}", Op("GetDistribution", r => GetDistribution(r.Id)))
            .Add("GET", Version + "/distribution/{Id}/config", Op("GetDistributionConfig", r => GetDistributionConfig(r.Id)))
            .Add("PUT", Version + "/distribution/{Id}/config", Op("UpdateDistribution", r => UpdateDistribution(r.Id, r)))
            .Add("DELETE", Version + "/distribution/{Id}", Op("DeleteDistribution", r => DeleteDistribution(r.Id, r)))
            .Add("GET", Version + "/distributionsByVpcOriginId/{Id}", Op("ListDistributionsByVpcOriginId", r => ListDistributionsByVpcOriginId(r.Id)))
            .Add("POST", Version + "/tagging", Op("TagResource", ChangeTags))
            .Add("POST", Version + "/tagging?Operation=Untag", Op("UntagResource", ChangeTags))
            .Add("GET", Version + "/tagging", Op("ListTagsForResource", ListTags));
    }

    public string SigningName => "cloudfront";

    public SandboxProtocol Protocol => SandboxProtocol.RestXml;

    public string XmlNamespace => Ns.NamespaceName;

    public SandboxErrorCode ThrottlingError { get; } = new("Throttling", 400, "Rate exceeded");

    private CloudFrontState State => _world.Part<CloudFrontState>();

    private List<VpcOriginRecord> VpcOrigins => State.VpcOrigins;

    private List<DistributionRecord> Distributions => State.Distributions;

    private DateTimeOffset Now => _world.Now;

    public SandboxOperation? Resolve(SandboxRequest request) => _routes.Match(request);

    /// <summary>Runs a handler on the request as CloudFront sees it, inside a world read (GET) or write, and writes
    /// its answer as XML with its headers.</summary>
    private SandboxOperation Op(string name, Func<CloudFrontRequest, CloudFrontResponse> handler) =>
        SandboxOperation.Sync(name, call =>
        {
            var cloudFrontRequest = new CloudFrontRequest(
                call.Method,
                call.RawPath.TrimEnd('/'),
                call.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                call.Headers.IfMatch.Count > 0 ? call.Headers.IfMatch.ToString() : null,
                call.Body.Length > 0 ? Xml.ParseBody(call) : null,
                call.NewResourceVisibleAt,
                call.PathParameters);
            // Reads take the lock without persisting, so polling never rewrites the state file.
            var response = call.Method == "GET"
                ? _world.Read(_ => handler(cloudFrontRequest))
                : _world.Write(_ => handler(cloudFrontRequest));
            var written = response.Body is null
                ? SandboxResponse.Empty((HttpStatusCode)response.StatusCode)
                : Xml.Response((HttpStatusCode)response.StatusCode, response.Body);
            foreach (var (header, value) in response.Headers)
            {
                written.WithHeader(header, value);
            }

            return written;
        });

    private static void CheckIfMatch(CloudFrontRequest request, string currentETag)
    {
        if (string.IsNullOrWhiteSpace(request.IfMatch))
        {
            throw CloudFrontError("InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.", 400);
        }

        if (request.IfMatch.Trim().Trim('"') != currentETag)
        {
            throw CloudFrontError("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.", 412);
        }
    }

    private static XElement RequireBody(CloudFrontRequest request, string root)
    {
        if (request.Body is null)
        {
            throw CloudFrontError("MissingBody", "This operation requires a body. Ensure that the body is present and the Content-Type header is set.", 400);
        }

        var body = InNamespace(request.Body);
        return body.Name == Ns + root
            ? body
            : throw CloudFrontError("InvalidArgument", $"The request body must be a {root} element.", 400);
    }

    private static string Canonical(XElement element) => InNamespace(element).ToString(SaveOptions.DisableFormatting);

    /// <summary>SDKs always send the namespace, hand-written requests often do not; treat both alike.</summary>
    private static XElement InNamespace(XElement element) => new(
        element.Name.Namespace == XNamespace.None ? Ns + element.Name.LocalName : element.Name,
        element.Attributes().Where(a => !a.IsNamespaceDeclaration),
        element.Nodes().Select(node => node is XElement child ? InNamespace(child) : node));

    private static (List<T> Page, string Marker, string? NextMarker, int MaxItems) Page<T>(List<T> items, Func<T, string> key, CloudFrontRequest request)
    {
        var marker = request.Query.GetValueOrDefault("Marker") ?? "";
        var maxItems = ParseInt(request.Query.GetValueOrDefault("MaxItems")) ?? 100;
        if (maxItems is < 1 or > 1000)
        {
            throw CloudFrontError("InvalidArgument", "MaxItems must be between 1 and 1000.", 400);
        }

        var start = marker.Length == 0 ? 0 : items.FindIndex(item => key(item) == marker) + 1;
        var (page, next) = Paging.Slice(items, start, maxItems);
        return (page, marker, next is null ? null : key(page[^1]), maxItems);
    }

    private static SandboxServiceException CloudFrontError(string code, string message, int status) => new(code, message, (HttpStatusCode)status);

    private static CloudFrontResponse Ok(XElement body, string? etag = null) =>
        new(200, body, etag is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["ETag"] = etag });

    private static SandboxServiceException MissingField(string name) =>
        CloudFrontError("InvalidArgument", $"The parameter {name} is required.", 400);

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string NewETag() => "E" + RandomString(Upper36, 13);

    private static string RandomString(string alphabet, int length) =>
        string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
}
