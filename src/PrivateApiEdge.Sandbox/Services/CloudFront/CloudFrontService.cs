using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.Services.CertificateManager;
using PrivateApiEdge.Sandbox.Services.Ec2;
using PrivateApiEdge.Sandbox.State;
using PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

/// <summary>
/// CloudFront (rest-xml, 2020-05-31, global): VPC origins, distributions and tags, with ETag/If-Match concurrency,
/// CallerReference idempotency, alias uniqueness and the deployment lifecycles. CloudFront creates its managed
/// <c>CloudFront-VPCOrigins-Service-SG</c> with the first VPC origin in a VPC and removes it after the last.
/// </summary>
public sealed class CloudFrontService : ISandboxService
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private const string Version = "/2020-05-31";
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Upper36 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly SandboxWorld _world;
    private readonly LoadBalancingService _loadBalancing;
    private readonly WorldEdgeNetwork _network;

    public CloudFrontService(SandboxWorld world, LoadBalancingService loadBalancing)
    {
        _world = world;
        _loadBalancing = loadBalancing;
        _network = new WorldEdgeNetwork(world);
    }

    public string SigningName => "cloudfront";

    public SandboxProtocol Protocol => SandboxProtocol.RestXml;

    public string XmlNamespace => Ns.NamespaceName;

    public SandboxErrorCode ThrottlingError { get; } = new("Throttling", 400, "Rate exceeded");

    private CloudFrontState State => _world.Part<CloudFrontState>();

    private List<VpcOriginRecord> VpcOrigins => State.VpcOrigins;

    private List<DistributionRecord> Distributions => State.Distributions;

    private DateTimeOffset Now => _world.Now;

    public SandboxOperation? Resolve(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RawPath.TrimEnd('/');
        if (!path.StartsWith(Version + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[(Version.Length + 1)..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = request.Query;
        (string Name, Func<CloudFrontRequest, CloudFrontResponse> Handler)? route = (request.Method, segments) switch
        {
            ("POST", ["vpc-origin"]) => ("CreateVpcOrigin", CreateVpcOrigin),
            ("GET", ["vpc-origin"]) => ("ListVpcOrigins", ListVpcOrigins),
            ("GET", ["vpc-origin", var id]) => ("GetVpcOrigin", _ => GetVpcOrigin(id)),
            ("PUT", ["vpc-origin", var id]) => ("UpdateVpcOrigin", r => UpdateVpcOrigin(id, r)),
            ("DELETE", ["vpc-origin", var id]) => ("DeleteVpcOrigin", r => DeleteVpcOrigin(id, r)),
            ("POST", ["distribution"]) => (query.ContainsKey("WithTags") ? "CreateDistributionWithTags" : "CreateDistribution", CreateDistribution),
            ("GET", ["distribution"]) => ("ListDistributions", ListDistributions),
            ("GET", ["distribution", var id]) => ("GetDistribution", _ => GetDistribution(id)),
            ("GET", ["distribution", var id, "config"]) => ("GetDistributionConfig", _ => GetDistributionConfig(id)),
            ("PUT", ["distribution", var id, "config"]) => ("UpdateDistribution", r => UpdateDistribution(id, r)),
            ("DELETE", ["distribution", var id]) => ("DeleteDistribution", r => DeleteDistribution(id, r)),
            ("GET", ["distributionsByVpcOriginId", var id]) => ("ListDistributionsByVpcOriginId", _ => ListDistributionsByVpcOriginId(id)),
            ("POST", ["tagging"]) => (query["Operation"] == "Untag" ? "UntagResource" : "TagResource", ChangeTags),
            ("GET", ["tagging"]) => ("ListTagsForResource", ListTags),
            _ => null,
        };
        if (route is not { } found)
        {
            return null;
        }

        return SandboxOperation.Sync(found.Name, call =>
        {
            var cloudFrontRequest = new CloudFrontRequest(
                call.Method,
                path,
                call.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                call.Headers.IfMatch.Count > 0 ? call.Headers.IfMatch.ToString() : null,
                call.Body.Length > 0 ? Xml.ParseBody(call) : null,
                call.NewResourceVisibleAt);
            // Reads take the lock without persisting, so polling never rewrites the state file.
            var response = call.Method == "GET"
                ? _world.Read(_ => found.Handler(cloudFrontRequest))
                : _world.Write(_ => found.Handler(cloudFrontRequest));
            var written = response.Body is null
                ? SandboxResponse.Empty((HttpStatusCode)response.StatusCode)
                : Xml.Response((HttpStatusCode)response.StatusCode, response.Body);
            foreach (var (name, value) in response.Headers)
            {
                written.WithHeader(name, value);
            }

            return written;
        });
    }

    /// <summary>The distribution serving a <c>dxxxx.cloudfront.net</c> name. Only inside a world read or write.</summary>
    public DistributionSnapshot? FindDistributionByDomainName(string domainName)
    {
        var distribution = Distributions.FirstOrDefault(d => string.Equals(d.DomainName, domainName.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
        return distribution is null ? null : Snapshot(distribution);
    }

    /// <summary>Only inside a world read or write.</summary>
    public VpcOriginSnapshot? FindVpcOrigin(string id)
    {
        var origin = VpcOrigins.FirstOrDefault(o => o.Id == id);
        if (origin is null)
        {
            return null;
        }

        var config = origin.EndpointConfig;
        return new VpcOriginSnapshot(origin.Id, origin.StatusAt(Now), origin.EndpointArn,
            config.Element(Ns + "OriginProtocolPolicy")?.Value ?? "",
            ParseInt(config.Element(Ns + "HTTPSPort")?.Value) ?? 443,
            ParseInt(config.Element(Ns + "HTTPPort")?.Value) ?? 80);
    }

    private DistributionSnapshot Snapshot(DistributionRecord distribution)
    {
        var config = distribution.Config;
        var origins = config.Elements(Ns + "Origins").Elements(Ns + "Items").Elements(Ns + "Origin").Select(origin => new OriginSnapshot(
            origin.Element(Ns + "Id")?.Value ?? "",
            origin.Element(Ns + "DomainName")?.Value ?? "",
            origin.Element(Ns + "VpcOriginConfig")?.Element(Ns + "VpcOriginId")?.Value,
            origin.Element(Ns + "OriginPath")?.Value ?? "")).ToList();
        return new DistributionSnapshot(
            distribution.Id, distribution.DomainName, distribution.Enabled, distribution.StatusAt(Now), distribution.Aliases,
            config.Element(Ns + "ViewerCertificate")?.Element(Ns + "ACMCertificateArn")?.Value,
            config.Element(Ns + "DefaultCacheBehavior")?.Element(Ns + "TargetOriginId")?.Value ?? "",
            origins,
            config.Element(Ns + "DefaultCacheBehavior")?.Element(Ns + "AllowedMethods")?.Element(Ns + "Items")?.Elements(Ns + "Method")
                .Select(m => m.Value).ToList() is { Count: > 0 } allowed ? allowed : ["GET", "HEAD"],
            config.Element(Ns + "Restrictions")?.Element(Ns + "GeoRestriction") is { } geo
                ? new GeoRestrictionSnapshot(
                    geo.Element(Ns + "RestrictionType")?.Value ?? "none",
                    [.. geo.Elements(Ns + "Items").Elements(Ns + "Location").Select(l => l.Value)])
                : GeoRestrictionSnapshot.None);
    }

    private CloudFrontResponse CreateVpcOrigin(CloudFrontRequest request)
    {
        var body = RequireBody(request, "CreateVpcOriginRequest");
        var config = body.Element(Ns + "VpcOriginEndpointConfig") ?? throw MissingField("VpcOriginEndpointConfig");
        var (region, vpcId) = ValidateEndpointConfig(config);
        var name = config.Element(Ns + "Name")!.Value;
        if (VpcOrigins.Any(o => o.Name == name))
        {
            throw CloudFrontError("EntityAlreadyExists", $"A VPC origin with the name {name} already exists.", 409);
        }

        var tags = ReadTags(body.Element(Ns + "Tags"));
        var now = Now;
        var id = "vo_" + RandomString(Base62, 22);
        // CloudFront places its own ENIs next to the load balancer, in its managed security group; they are what
        // keeps that group (and the subnets) busy until the VPC origin is deleted.
        var groupId = _network.EnsureCloudFrontServiceSecurityGroup(region, vpcId);
        var lb = _loadBalancing.FindLoadBalancer(config.Element(Ns + "Arn")!.Value)!;
        var enis = lb.SubnetIds.Select(subnet => _network.AllocateNetworkInterface(
            region, subnet, [groupId], $"CloudFront VPC origin {id}", "vpcorigin.cloudfront.amazonaws.com", id).NetworkInterfaceId).ToList();
        var origin = new VpcOriginRecord
        {
            Id = id,
            Arn = $"arn:aws:cloudfront::{_network.AccountId}:vpcorigin/{id}",
            Region = "global",
            EndpointRegion = region,
            VpcId = vpcId,
            CreatedAt = now,
            VisibleAt = request.NewResourceVisibleAt(),
            LastModifiedTime = now,
            DeployedAt = now + _world.Latency.Of(SandboxLifecycles.VpcOriginDeploy),
            ETag = NewETag(),
            EndpointConfig = config,
            NetworkInterfaceIds = enis,
            Tags = tags,
        };
        VpcOrigins.Add(origin);
        return new CloudFrontResponse(202, VpcOriginXml(origin), new Dictionary<string, string>
        {
            ["ETag"] = origin.ETag,
            ["Location"] = $"https://cloudfront.amazonaws.com{Version}/vpc-origin/{id}",
        });
    }

    private (string Region, string VpcId) ValidateEndpointConfig(XElement config)
    {
        foreach (var required in new[] { "Name", "Arn", "HTTPPort", "HTTPSPort", "OriginProtocolPolicy" })
        {
            if (string.IsNullOrEmpty(config.Element(Ns + required)?.Value))
            {
                throw MissingField(required);
            }
        }

        if (config.Element(Ns + "OriginProtocolPolicy")!.Value is not ("http-only" or "match-viewer" or "https-only"))
        {
            throw CloudFrontError("InvalidArgument", "The OriginProtocolPolicy must be http-only, match-viewer or https-only.", 400);
        }

        CheckQuantity(config.Element(Ns + "OriginSslProtocols"));
        var arn = config.Element(Ns + "Arn")!.Value;
        var lb = _loadBalancing.FindLoadBalancer(arn)
            ?? throw CloudFrontError("InvalidArgument", $"The origin endpoint {arn} does not exist or is not a supported load balancer.", 400);
        if (lb.StateAt(Now) != "active")
        {
            throw CloudFrontError("InvalidArgument", $"The load balancer {arn} is not active yet.", 400);
        }

        if (!_world.Part<Ec2State>().InternetGateways.Any(igw => igw.Region == lb.Region && igw.AttachedVpcId == lb.VpcId))
        {
            // CloudFront's prerequisite for VPC origins (an internet gateway attached, no route needed).
            throw CloudFrontError("InvalidArgument", $"The VPC {lb.VpcId} of the origin endpoint has no internet gateway attached; VPC origins need one.", 400);
        }

        return (lb.Region, lb.VpcId);
    }

    private CloudFrontResponse ListVpcOrigins(CloudFrontRequest request)
    {
        var (page, marker, next, maxItems) = Page([.. VpcOrigins.Where(o => o.IsVisible(Now))], o => o.Id, request);
        var now = Now;
        return Ok(new XElement(Ns + "VpcOriginList",
            new XElement(Ns + "Marker", marker),
            next is null ? null : new XElement(Ns + "NextMarker", next),
            new XElement(Ns + "MaxItems", maxItems),
            new XElement(Ns + "IsTruncated", next is null ? "false" : "true"),
            new XElement(Ns + "Quantity", page.Count),
            page.Count == 0 ? null : new XElement(Ns + "Items", page.Select(o => new XElement(Ns + "VpcOriginSummary",
                new XElement(Ns + "Id", o.Id),
                new XElement(Ns + "Name", o.Name),
                new XElement(Ns + "Status", o.StatusAt(now)),
                new XElement(Ns + "CreatedTime", Timestamp(o.CreatedAt)),
                new XElement(Ns + "LastModifiedTime", Timestamp(o.LastModifiedTime)),
                new XElement(Ns + "Arn", o.Arn),
                new XElement(Ns + "AccountId", _network.AccountId),
                new XElement(Ns + "OriginEndpointArn", o.EndpointArn))))));
    }

    private CloudFrontResponse GetVpcOrigin(string id)
    {
        var origin = FindVpcOriginRecord(id);
        return Ok(VpcOriginXml(origin), origin.ETag);
    }

    private CloudFrontResponse UpdateVpcOrigin(string id, CloudFrontRequest request)
    {
        var origin = FindVpcOriginRecord(id);
        CheckIfMatch(request, origin.ETag);
        var config = RequireBody(request, "VpcOriginEndpointConfig");
        var (_, vpcId) = ValidateEndpointConfig(config);
        if (vpcId != origin.VpcId)
        {
            throw CloudFrontError("IllegalUpdate", "A VPC origin cannot be moved to a load balancer in another VPC.", 400);
        }

        if (Distributions.Any(d => d.VpcOriginIds.Contains(id)))
        {
            throw CloudFrontError("CannotUpdateEntityWhileInUse",
                "The specified VPC origin is currently associated with one or more distributions. Please disassociate the VPC origin from all distributions before updating or deleting", 409);
        }

        var now = Now;
        origin.EndpointConfig = config;
        origin.LastModifiedTime = now;
        origin.DeployedAt = now + _world.Latency.Of(SandboxLifecycles.VpcOriginDeploy);
        origin.ETag = NewETag();
        return new CloudFrontResponse(202, VpcOriginXml(origin), new Dictionary<string, string> { ["ETag"] = origin.ETag });
    }

    private CloudFrontResponse DeleteVpcOrigin(string id, CloudFrontRequest request)
    {
        var origin = FindVpcOriginRecord(id);
        CheckIfMatch(request, origin.ETag);
        if (Distributions.Any(d => d.VpcOriginIds.Contains(id)))
        {
            throw CloudFrontError("CannotDeleteEntityWhileInUse",
                "The specified VPC origin is currently associated with one or more distributions. Please disassociate the VPC origin from all distributions before updating or deleting", 409);
        }

        VpcOrigins.Remove(origin);
        foreach (var eni in origin.NetworkInterfaceIds)
        {
            _network.ReleaseNetworkInterface(origin.EndpointRegion, eni);
        }

        if (!VpcOrigins.Any(o => o.EndpointRegion == origin.EndpointRegion && o.VpcId == origin.VpcId))
        {
            _network.RemoveCloudFrontServiceSecurityGroup(origin.EndpointRegion, origin.VpcId);
        }

        var body = VpcOriginXml(origin);
        body.Element(Ns + "Status")!.Value = "Deleting";
        return new CloudFrontResponse(202, body, new Dictionary<string, string> { ["ETag"] = origin.ETag });
    }

    private CloudFrontResponse CreateDistribution(CloudFrontRequest request)
    {
        XElement config;
        List<SandboxTag> tags;
        if (request.Query.ContainsKey("WithTags"))
        {
            var body = RequireBody(request, "DistributionConfigWithTags");
            config = body.Element(Ns + "DistributionConfig") ?? throw MissingField("DistributionConfig");
            tags = ReadTags(body.Element(Ns + "Tags") ?? throw MissingField("Tags"));
        }
        else
        {
            config = RequireBody(request, "DistributionConfig");
            tags = [];
        }

        config = new XElement(Ns + "DistributionConfig", config.Nodes());
        ValidateDistributionConfig(config, self: null);
        var callerReference = config.Element(Ns + "CallerReference")!.Value;
        var existing = Distributions.FirstOrDefault(d => d.CallerReference == callerReference);
        if (existing is not null)
        {
            // Same CallerReference and the same config is a retry of the same request: answer with what it created.
            if (Canonical(existing.Config) != Canonical(config))
            {
                throw CloudFrontError("DistributionAlreadyExists",
                    "The caller reference that you are using to create a distribution is associated with another distribution.", 409);
            }

            return DistributionCreated(existing);
        }

        CheckAliasesFree(config, self: null);
        var now = Now;
        var id = "E" + RandomString(Upper36, 13);
        var distribution = new DistributionRecord
        {
            Id = id,
            Arn = $"arn:aws:cloudfront::{_network.AccountId}:distribution/{id}",
            DomainName = $"d{RandomString("abcdefghijklmnopqrstuvwxyz0123456789", 13)}.cloudfront.net",
            Region = "global",
            CreatedAt = now,
            VisibleAt = request.NewResourceVisibleAt(),
            LastModifiedTime = now,
            DeployedAt = now + _world.Latency.Of(SandboxLifecycles.DistributionDeploy),
            ETag = NewETag(),
            Config = config,
            Tags = tags,
        };
        Distributions.Add(distribution);
        MarkCertificateInUse(distribution);
        return DistributionCreated(distribution);
    }

    private CloudFrontResponse DistributionCreated(DistributionRecord distribution) =>
        new(201, DistributionXml(distribution), new Dictionary<string, string>
        {
            ["ETag"] = distribution.ETag,
            ["Location"] = $"https://cloudfront.amazonaws.com{Version}/distribution/{distribution.Id}",
        });

    private void ValidateDistributionConfig(XElement config, DistributionRecord? self)
    {
        foreach (var required in new[] { "CallerReference", "Origins", "DefaultCacheBehavior", "Comment", "Enabled" })
        {
            if (config.Element(Ns + required) is null)
            {
                throw MissingField(required);
            }
        }

        var aliases = config.Element(Ns + "Aliases");
        CheckQuantity(aliases);
        var origins = config.Element(Ns + "Origins")!;
        CheckQuantity(origins);
        var originElements = origins.Elements(Ns + "Items").Elements(Ns + "Origin").ToList();
        if (originElements.Count == 0)
        {
            throw CloudFrontError("InvalidOrigin", "The specified origin server does not exist or is not valid.", 400);
        }

        foreach (var origin in originElements)
        {
            var vpcOriginId = origin.Element(Ns + "VpcOriginConfig")?.Element(Ns + "VpcOriginId")?.Value;
            if (vpcOriginId is not null && VpcOrigins.All(o => o.Id != vpcOriginId))
            {
                throw CloudFrontError("EntityNotFound", $"The VPC origin {vpcOriginId} does not exist.", 404);
            }

            if (vpcOriginId is not null && origin.Element(Ns + "CustomOriginConfig") is not null)
            {
                throw CloudFrontError("InvalidArgument", "An origin cannot have both a CustomOriginConfig and a VpcOriginConfig.", 400);
            }
        }

        var targetOrigin = config.Element(Ns + "DefaultCacheBehavior")!.Element(Ns + "TargetOriginId")?.Value;
        if (originElements.All(o => o.Element(Ns + "Id")?.Value != targetOrigin))
        {
            throw CloudFrontError("NoSuchOrigin", "One or more of your origins or origin groups do not exist.", 404);
        }

        ValidateRestrictions(config.Element(Ns + "Restrictions"));
        var comment = config.Element(Ns + "Comment")!.Value;
        if (comment.Length > 128)
        {
            throw CloudFrontError("InvalidArgument", "The parameter Comment is too long.", 400);
        }

        var names = Aliases(config);
        var certificateArn = config.Element(Ns + "ViewerCertificate")?.Element(Ns + "ACMCertificateArn")?.Value;
        if (certificateArn is not null)
        {
            var certificate = _network.FindCertificate(certificateArn);
            if (certificate is null || certificate.Region != "us-east-1" || certificate.Status != "ISSUED")
            {
                throw CloudFrontError("InvalidViewerCertificate",
                    "The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain.", 400);
            }

            if (names.FirstOrDefault(alias => !certificate.Covers(alias)) is { } uncovered)
            {
                throw CloudFrontError("InvalidViewerCertificate",
                    $"The certificate that is attached to your distribution doesn't cover the alternate domain name (CNAME) that you're trying to add: {uncovered}.", 400);
            }
        }
        else if (names.Count > 0)
        {
            throw CloudFrontError("InvalidViewerCertificate",
                "To add an alternate domain name (CNAME) to a CloudFront distribution, you must attach a trusted certificate that validates your authorization to use the domain name.", 400);
        }

        if (self is not null && config.Element(Ns + "CallerReference")!.Value != self.CallerReference)
        {
            throw CloudFrontError("IllegalUpdate", "The CallerReference of a distribution cannot be changed.", 400);
        }
    }

    /// <summary>ACM lists a distribution among its viewer certificate's users while the distribution exists.</summary>
    private void MarkCertificateInUse(DistributionRecord distribution)
    {
        var current = Distributions.Contains(distribution)
            ? distribution.Config.Element(Ns + "ViewerCertificate")?.Element(Ns + "ACMCertificateArn")?.Value
            : null;
        foreach (var certificate in _world.Part<AcmState>().Certificates)
        {
            certificate.InUseBy.Remove(distribution.Arn);
            if (certificate.Arn == current)
            {
                certificate.InUseBy.Add(distribution.Arn);
            }
        }
    }

    private static void ValidateRestrictions(XElement? restrictions)
    {
        if (restrictions is null)
        {
            return;
        }

        var geo = restrictions.Element(Ns + "GeoRestriction") ?? throw MissingField("GeoRestriction");
        var type = geo.Element(Ns + "RestrictionType")?.Value ?? throw MissingField("RestrictionType");
        if (geo.Element(Ns + "Quantity") is null)
        {
            throw MissingField("Quantity");
        }

        CheckQuantity(geo);
        var locations = geo.Elements(Ns + "Items").Elements(Ns + "Location").Select(l => l.Value).ToList();
        switch (type)
        {
            case "none" when locations.Count > 0:
                throw CloudFrontError("InvalidGeoRestrictionParameter", "The restriction type none cannot have locations.", 400);
            case "whitelist" or "blacklist" when locations.Count == 0:
                throw CloudFrontError("InvalidGeoRestrictionParameter", $"The restriction type {type} needs at least one location.", 400);
            case not ("none" or "whitelist" or "blacklist"):
                throw CloudFrontError("InvalidGeoRestrictionParameter", $"The restriction type {type} is not valid; use whitelist, blacklist or none.", 400);
        }

        // CloudFront also refuses unassigned codes; the sandbox checks the shape only (two capital letters).
        if (locations.FirstOrDefault(l => l.Length != 2 || !l.All(char.IsAsciiLetterUpper)) is { } invalid)
        {
            throw CloudFrontError("InvalidLocationCode", $"The location code {invalid} is not valid.", 400);
        }

        if (locations.Distinct(StringComparer.Ordinal).Count() != locations.Count)
        {
            throw CloudFrontError("InvalidGeoRestrictionParameter", "A location is listed more than once.", 400);
        }
    }

    private void CheckAliasesFree(XElement config, DistributionRecord? self)
    {
        foreach (var alias in Aliases(config))
        {
            if (Distributions.Any(d => d != self && d.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase)))
            {
                throw CloudFrontError("CNAMEAlreadyExists",
                    "One or more of the CNAMEs you provided are already associated with a different resource.", 409);
            }
        }
    }

    private CloudFrontResponse ListDistributions(CloudFrontRequest request)
    {
        var (page, marker, next, maxItems) = Page([.. Distributions.Where(d => d.IsVisible(Now))], d => d.Id, request);
        var now = Now;
        return Ok(new XElement(Ns + "DistributionList",
            new XElement(Ns + "Marker", marker),
            next is null ? null : new XElement(Ns + "NextMarker", next),
            new XElement(Ns + "MaxItems", maxItems),
            new XElement(Ns + "IsTruncated", next is null ? "false" : "true"),
            new XElement(Ns + "Quantity", page.Count),
            page.Count == 0 ? null : new XElement(Ns + "Items", page.Select(d => SummaryXml(d, now)))));
    }

    private static XElement SummaryXml(DistributionRecord d, DateTimeOffset now)
    {
        var c = d.Config;
        XElement Copy(string name, XElement fallback) => c.Element(Ns + name) is { } found ? new XElement(found) : fallback;
        return new XElement(Ns + "DistributionSummary",
            new XElement(Ns + "Id", d.Id),
            new XElement(Ns + "ARN", d.Arn),
            new XElement(Ns + "ETag", d.ETag),
            new XElement(Ns + "Status", d.StatusAt(now)),
            new XElement(Ns + "LastModifiedTime", Timestamp(d.LastModifiedTime)),
            new XElement(Ns + "DomainName", d.DomainName),
            Copy("Aliases", new XElement(Ns + "Aliases", new XElement(Ns + "Quantity", 0))),
            Copy("Origins", new XElement(Ns + "Origins")),
            c.Element(Ns + "OriginGroups") is { } groups ? new XElement(groups) : null,
            Copy("DefaultCacheBehavior", new XElement(Ns + "DefaultCacheBehavior")),
            Copy("CacheBehaviors", new XElement(Ns + "CacheBehaviors", new XElement(Ns + "Quantity", 0))),
            Copy("CustomErrorResponses", new XElement(Ns + "CustomErrorResponses", new XElement(Ns + "Quantity", 0))),
            new XElement(Ns + "Comment", c.Element(Ns + "Comment")?.Value ?? ""),
            new XElement(Ns + "PriceClass", c.Element(Ns + "PriceClass")?.Value ?? "PriceClass_All"),
            new XElement(Ns + "Enabled", d.Enabled ? "true" : "false"),
            Copy("ViewerCertificate", new XElement(Ns + "ViewerCertificate",
                new XElement(Ns + "CloudFrontDefaultCertificate", "true"),
                new XElement(Ns + "SSLSupportMethod", "vip"),
                new XElement(Ns + "MinimumProtocolVersion", "TLSv1"),
                new XElement(Ns + "CertificateSource", "cloudfront"))),
            Copy("Restrictions", new XElement(Ns + "Restrictions", new XElement(Ns + "GeoRestriction",
                new XElement(Ns + "RestrictionType", "none"), new XElement(Ns + "Quantity", 0)))),
            new XElement(Ns + "WebACLId", c.Element(Ns + "WebACLId")?.Value ?? ""),
            new XElement(Ns + "HttpVersion", c.Element(Ns + "HttpVersion")?.Value ?? "http2"),
            new XElement(Ns + "IsIPV6Enabled", c.Element(Ns + "IsIPV6Enabled")?.Value ?? "false"),
            new XElement(Ns + "Staging", c.Element(Ns + "Staging")?.Value ?? "false"));
    }

    private CloudFrontResponse GetDistribution(string id)
    {
        var distribution = FindDistributionRecord(id);
        return Ok(DistributionXml(distribution), distribution.ETag);
    }

    private CloudFrontResponse GetDistributionConfig(string id)
    {
        var distribution = FindDistributionRecord(id);
        return Ok(new XElement(distribution.Config), distribution.ETag);
    }

    private CloudFrontResponse UpdateDistribution(string id, CloudFrontRequest request)
    {
        var distribution = FindDistributionRecord(id);
        CheckIfMatch(request, distribution.ETag);
        var config = new XElement(Ns + "DistributionConfig", RequireBody(request, "DistributionConfig").Nodes());
        ValidateDistributionConfig(config, distribution);
        CheckAliasesFree(config, distribution);
        var now = Now;
        distribution.Config = config;
        distribution.LastModifiedTime = now;
        // Every update is a new deployment to the edge locations.
        distribution.DeployedAt = now + _world.Latency.Of(SandboxLifecycles.DistributionDeploy);
        distribution.ETag = NewETag();
        MarkCertificateInUse(distribution);
        return Ok(DistributionXml(distribution), distribution.ETag);
    }

    private CloudFrontResponse DeleteDistribution(string id, CloudFrontRequest request)
    {
        var distribution = FindDistributionRecord(id);
        CheckIfMatch(request, distribution.ETag);
        if (distribution.Enabled || distribution.StatusAt(Now) != "Deployed")
        {
            throw CloudFrontError("DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.", 409);
        }

        Distributions.Remove(distribution);
        MarkCertificateInUse(distribution);
        return new CloudFrontResponse(204, null, new Dictionary<string, string>());
    }

    private CloudFrontResponse ListDistributionsByVpcOriginId(string id)
    {
        FindVpcOriginRecord(id);
        var ids = Distributions.Where(d => d.VpcOriginIds.Contains(id)).Select(d => d.Id).ToList();
        return Ok(new XElement(Ns + "DistributionIdList",
            new XElement(Ns + "Marker", ""),
            new XElement(Ns + "MaxItems", 100),
            new XElement(Ns + "IsTruncated", "false"),
            new XElement(Ns + "Quantity", ids.Count),
            ids.Count == 0 ? null : new XElement(Ns + "Items", ids.Select(d => new XElement(Ns + "DistributionId", d)))));
    }

    private CloudFrontResponse ChangeTags(CloudFrontRequest request)
    {
        var resource = TaggedResource(request);
        switch (request.Query.GetValueOrDefault("Operation"))
        {
            case "Tag":
                resource.SetTags(ReadTags(RequireBody(request, "Tags")));
                break;
            case "Untag":
                var keys = RequireBody(request, "TagKeys").Elements(Ns + "Items").Elements(Ns + "Key").Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
                resource.Tags.RemoveAll(tag => keys.Contains(tag.Key));
                break;
            default:
                throw CloudFrontError("InvalidArgument", "The Operation parameter must be Tag or Untag.", 400);
        }

        return new CloudFrontResponse(204, null, new Dictionary<string, string>());
    }

    private CloudFrontResponse ListTags(CloudFrontRequest request) => Ok(TagsXml(TaggedResource(request).Tags));

    private SandboxResource TaggedResource(CloudFrontRequest request)
    {
        var arn = request.Query.GetValueOrDefault("Resource")
            ?? throw CloudFrontError("InvalidArgument", "The Resource parameter is required.", 400);
        return (SandboxResource?)Distributions.FirstOrDefault(d => d.Arn == arn)
            ?? VpcOrigins.FirstOrDefault(o => o.Arn == arn)
            ?? throw CloudFrontError("NoSuchResource", "The specified CloudFront resource does not exist.", 404);
    }

    private VpcOriginRecord FindVpcOriginRecord(string id) =>
        VpcOrigins.FirstOrDefault(o => o.Id == id && o.IsVisible(Now)) ?? throw CloudFrontError("EntityNotFound", "The specified VPC origin does not exist.", 404);

    private DistributionRecord FindDistributionRecord(string id) =>
        Distributions.FirstOrDefault(d => d.Id == id && d.IsVisible(Now)) ?? throw CloudFrontError("NoSuchDistribution", "The specified distribution does not exist.", 404);

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

    private XElement VpcOriginXml(VpcOriginRecord origin) => new(Ns + "VpcOrigin",
        new XElement(Ns + "Id", origin.Id),
        new XElement(Ns + "Arn", origin.Arn),
        new XElement(Ns + "AccountId", _network.AccountId),
        new XElement(Ns + "Status", origin.StatusAt(Now)),
        new XElement(Ns + "CreatedTime", Timestamp(origin.CreatedAt)),
        new XElement(Ns + "LastModifiedTime", Timestamp(origin.LastModifiedTime)),
        new XElement(origin.EndpointConfig));

    private XElement DistributionXml(DistributionRecord distribution) => new(Ns + "Distribution",
        new XElement(Ns + "Id", distribution.Id),
        new XElement(Ns + "ARN", distribution.Arn),
        new XElement(Ns + "Status", distribution.StatusAt(Now)),
        new XElement(Ns + "LastModifiedTime", Timestamp(distribution.LastModifiedTime)),
        new XElement(Ns + "InProgressInvalidationBatches", 0),
        new XElement(Ns + "DomainName", distribution.DomainName),
        new XElement(Ns + "ActiveTrustedSigners", new XElement(Ns + "Enabled", "false"), new XElement(Ns + "Quantity", 0)),
        new XElement(Ns + "ActiveTrustedKeyGroups", new XElement(Ns + "Enabled", "false"), new XElement(Ns + "Quantity", 0)),
        new XElement(distribution.Config));

    private static XElement TagsXml(List<SandboxTag> tags) => new(Ns + "Tags",
        new XElement(Ns + "Items", tags.Select(tag => new XElement(Ns + "Tag", new XElement(Ns + "Key", tag.Key), new XElement(Ns + "Value", tag.Value)))));

    private static List<SandboxTag> ReadTags(XElement? tags)
    {
        var result = new List<SandboxTag>();
        foreach (var tag in tags?.Elements(Ns + "Items").Elements(Ns + "Tag") ?? [])
        {
            var key = tag.Element(Ns + "Key")?.Value;
            if (string.IsNullOrEmpty(key) || key.Length > 128)
            {
                throw CloudFrontError("InvalidTagging", "Tag keys must be 1 to 128 characters long.", 400);
            }

            result.RemoveAll(t => t.Key == key);
            result.Add(new SandboxTag(key, tag.Element(Ns + "Value")?.Value ?? ""));
        }

        return result;
    }

    internal static IReadOnlyList<string> Aliases(XElement config) =>
        [.. config.Elements(Ns + "Aliases").Elements(Ns + "Items").Elements(Ns + "CNAME").Select(c => c.Value.Trim().ToLowerInvariant())];

    private static void CheckQuantity(XElement? list)
    {
        if (list is null)
        {
            return;
        }

        var quantity = ParseInt(list.Element(Ns + "Quantity")?.Value);
        var count = list.Element(Ns + "Items")?.Elements().Count() ?? 0;
        if (quantity != count)
        {
            throw CloudFrontError("InconsistentQuantities", "The value of Quantity and the size of Items don't match.", 400);
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
        var page = items.Skip(start).Take(maxItems).ToList();
        var next = start + maxItems < items.Count ? key(page[^1]) : null;
        return (page, marker, next, maxItems);
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

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

