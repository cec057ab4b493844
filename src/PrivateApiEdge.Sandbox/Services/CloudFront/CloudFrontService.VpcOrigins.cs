using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.Services.Ec2;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

public sealed partial class CloudFrontService
{
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
        var lb = _loadBalancers.FindLoadBalancer(config.Element(Ns + "Arn")!.Value)!;
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
        var lb = _loadBalancers.FindLoadBalancer(arn)
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
                new XElement(Ns + "CreatedTime", Xml.Timestamp(o.CreatedAt)),
                new XElement(Ns + "LastModifiedTime", Xml.Timestamp(o.LastModifiedTime)),
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

    private VpcOriginRecord FindVpcOriginRecord(string id) =>
        VpcOrigins.FirstOrDefault(o => o.Id == id && o.IsVisible(Now)) ?? throw CloudFrontError("EntityNotFound", "The specified VPC origin does not exist.", 404);

    private XElement VpcOriginXml(VpcOriginRecord origin) => new(Ns + "VpcOrigin",
        new XElement(Ns + "Id", origin.Id),
        new XElement(Ns + "Arn", origin.Arn),
        new XElement(Ns + "AccountId", _network.AccountId),
        new XElement(Ns + "Status", origin.StatusAt(Now)),
        new XElement(Ns + "CreatedTime", Xml.Timestamp(origin.CreatedAt)),
        new XElement(Ns + "LastModifiedTime", Xml.Timestamp(origin.LastModifiedTime)),
        new XElement(origin.EndpointConfig));
}
