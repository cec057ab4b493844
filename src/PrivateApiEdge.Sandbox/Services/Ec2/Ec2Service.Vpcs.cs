using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Seed;
using static PrivateApiEdge.Sandbox.Core.Protocols.Ec2Protocol;
using static PrivateApiEdge.Sandbox.Services.Ec2.Ec2Query;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

public sealed partial class Ec2Service
{
    private SandboxResponse DescribeVpcs(SandboxRequest request) => _world.Read(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var vpcs = Select(Visible(ec2.Vpcs, request), request.Form.List("VpcId"), Filters(request.Form), (v, name) => name switch
        {
            "vpc-id" => One(v.Id),
            "cidr" or "cidr-block" or "cidrBlock" or "cidr-block-association.cidr-block" => One(v.CidrBlock),
            "is-default" => One(Bool(v.IsDefault)),
            "owner-id" => One(v.AccountId),
            "state" => One("available"),
            _ => null,
        });
        var (page, next) = Page(vpcs, request.Form);
        return Ok(request, Set("vpcSet", page, Ec2Shapes.Vpc), NextTokenElement(next));
    });

    private SandboxResponse DescribeVpcAttribute(SandboxRequest request) => _world.Read(world =>
    {
        var vpc = VisibleVpc(world.Part<Ec2State>(), request, request.Form.Required("VpcId"));
        var attribute = request.Form.Required("Attribute");
        var value = attribute switch
        {
            "enableDnsSupport" => vpc.EnableDnsSupport,
            "enableDnsHostnames" => vpc.EnableDnsHostnames,
            "enableNetworkAddressUsageMetrics" => false,
            _ => throw new SandboxServiceException("InvalidParameterValue", $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
        return Ok(request, E("vpcId", vpc.Id), E(attribute, E("value", Bool(value))));
    });

    private SandboxResponse ModifyVpcAttribute(SandboxRequest request)
    {
        var dnsSupport = request.Form.Bool("EnableDnsSupport.Value");
        var dnsHostnames = request.Form.Bool("EnableDnsHostnames.Value");
        if ((dnsSupport is null) == (dnsHostnames is null))
        {
            // AWS takes exactly one attribute per call.
            throw new SandboxServiceException("InvalidParameterCombination", "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport");
        }

        _world.Write(world =>
        {
            var vpc = VisibleVpc(world.Part<Ec2State>(), request, request.Form.Required("VpcId"));
            if (dnsSupport is { } support)
            {
                vpc.EnableDnsSupport = support;
            }

            if (dnsHostnames is { } hostnames)
            {
                vpc.EnableDnsHostnames = hostnames;
            }
        });
        return Ok(request);
    }

    private SandboxResponse DescribeSubnets(SandboxRequest request) => _world.Read(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var subnets = Select(Visible(ec2.Subnets, request), request.Form.List("SubnetId"), Filters(request.Form), (s, name) => name switch
        {
            "subnet-id" => One(s.Id),
            "vpc-id" => One(s.VpcId),
            "availability-zone" or "availabilityZone" => One(s.AvailabilityZone),
            "availability-zone-id" or "availabilityZoneId" => One(s.AvailabilityZoneId),
            "cidr" or "cidr-block" or "cidrBlock" => One(s.CidrBlock),
            "default-for-az" or "defaultForAz" => One("false"),
            "owner-id" => One(s.AccountId),
            "state" => One("available"),
            "subnet-arn" => One(s.Arn),
            _ => null,
        });
        var (page, next) = Page(subnets, request.Form);
        return Ok(request,
            Set("subnetSet", page, s => Ec2Shapes.Subnet(s, ec2.NetworkInterfaces.Count(n => n.SubnetId == s.Id))),
            NextTokenElement(next));
    });

    private SandboxResponse DescribeInternetGateways(SandboxRequest request) => _world.Read(world =>
    {
        var gateways = Select(Visible(world.Part<Ec2State>().InternetGateways, request), request.Form.List("InternetGatewayId"), Filters(request.Form), (g, name) => name switch
        {
            "internet-gateway-id" => One(g.Id),
            "attachment.vpc-id" => One(g.AttachedVpcId),
            "attachment.state" => One(g.AttachedVpcId is null ? null : "available"),
            "owner-id" => One(g.AccountId),
            _ => null,
        });
        var (page, next) = Page(gateways, request.Form);
        return Ok(request, Set("internetGatewaySet", page, Ec2Shapes.InternetGateway), NextTokenElement(next));
    });

    private static SandboxResponse DescribeAvailabilityZones(SandboxRequest request)
    {
        var zones = SandboxSeed.AvailabilityZones(request.Region);
        var names = request.Form.List("ZoneName");
        var ids = request.Form.List("ZoneId");
        var unknown = names.FirstOrDefault(n => zones.All(z => z.Name != n));
        if (unknown is not null)
        {
            throw new SandboxServiceException("InvalidParameterValue", $"Invalid availability zone: [{unknown}]");
        }

        var filters = Filters(request.Form);
        var selected = zones
            .Where(z => (names.Count == 0 || names.Contains(z.Name)) && (ids.Count == 0 || ids.Contains(z.ZoneId)))
            .Where(z => filters.All(f => f.Values.Any(v => f.Name switch
            {
                "zone-name" => Wildcard(v, z.Name),
                "zone-id" => Wildcard(v, z.ZoneId),
                "state" => Wildcard(v, "available"),
                "region-name" => Wildcard(v, request.Region),
                "zone-type" => Wildcard(v, "availability-zone"),
                "opt-in-status" => Wildcard(v, "opt-in-not-required"),
                _ => throw new SandboxServiceException("InvalidParameterValue", $"The filter '{f.Name}' is invalid"),
            })));
        return Ok(request, Set("availabilityZoneInfo", selected, z =>
        [
            E("optInStatus", "opt-in-not-required"),
            E("zoneName", z.Name),
            E("zoneId", z.ZoneId),
            E("zoneState", "available"),
            E("regionName", request.Region),
            E("groupName", request.Region),
            E("networkBorderGroup", request.Region),
            E("zoneType", "availability-zone"),
            E("messageSet"),
        ]));
    }

    private SandboxResponse DescribeManagedPrefixLists(SandboxRequest request) => _world.Read(world =>
    {
        var lists = Select(Visible(world.Part<Ec2State>().PrefixLists, request), request.Form.List("PrefixListId"), Filters(request.Form), (p, name) => name switch
        {
            "prefix-list-id" => One(p.Id),
            "prefix-list-name" => One(p.Name),
            "owner-id" => One(p.OwnerId),
            _ => null,
        });
        var (page, next) = Page(lists, request.Form, min: 1, max: 100);
        return Ok(request, Set("prefixListSet", page, p =>
        [
            E("prefixListId", p.Id),
            E("addressFamily", p.AddressFamily),
            E("state", "create-complete"),
            E("prefixListArn", p.Arn),
            E("prefixListName", p.Name),
            E("maxEntries", Number(p.MaxEntries)),
            E("version", "1"),
            Ec2Shapes.TagSet(p.Tags),
            E("ownerId", p.OwnerId),
        ]), NextTokenElement(next));
    });

    private SandboxResponse GetManagedPrefixListEntries(SandboxRequest request) => _world.Read(world =>
    {
        var id = request.Form.Required("PrefixListId");
        var list = Visible(world.Part<Ec2State>().PrefixLists, request).FirstOrDefault(p => p.Id == id) ?? throw NotFound(id);
        var (page, next) = Page(list.Entries, request.Form, min: 1, max: 100);
        return Ok(request, Set("entrySet", page, cidr => [E("cidr", cidr)]), NextTokenElement(next));
    });

    private SandboxResponse DescribeNetworkInterfaces(SandboxRequest request) => _world.Read(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var interfaces = Select(Visible(ec2.NetworkInterfaces, request), request.Form.List("NetworkInterfaceId"), Filters(request.Form), (n, name) => name switch
        {
            "network-interface-id" => One(n.Id),
            "vpc-id" => One(n.VpcId),
            "subnet-id" => One(n.SubnetId),
            "group-id" => n.GroupIds,
            "group-name" => n.GroupIds.Select(g => ec2.FindSecurityGroup(request.Region, g)?.GroupName),
            "description" => One(n.Description),
            "interface-type" => One(n.InterfaceType),
            "requester-id" => One(n.RequesterId),
            "requester-managed" => One(Bool(n.RequesterManaged)),
            "status" => One("in-use"),
            "availability-zone" => One(n.AvailabilityZone),
            "private-ip-address" or "addresses.private-ip-address" => One(n.PrivateIpAddress),
            "owner-id" => One(n.AccountId),
            _ => null,
        });
        var (page, next) = Page(interfaces, request.Form);
        return Ok(request, Set("networkInterfaceSet", page, n => Ec2Shapes.NetworkInterface(n, id => ec2.FindSecurityGroup(request.Region, id))),
            NextTokenElement(next));
    });

    /// <summary>What a caller in this region sees now (delayed consistency hides fresh resources).</summary>
    private static IEnumerable<T> Visible<T>(IEnumerable<T> resources, SandboxRequest request)
        where T : State.SandboxResource =>
        resources.Where(r => r.Region == request.Region && r.IsVisible(request.Now)).OrderBy(r => r.Id, StringComparer.Ordinal);

    private static Ec2Vpc VisibleVpc(Ec2State ec2, SandboxRequest request, string vpcId) =>
        ec2.FindVpc(request.Region, vpcId) is { } vpc && vpc.IsVisible(request.Now) ? vpc : throw NotFound(vpcId);
}
