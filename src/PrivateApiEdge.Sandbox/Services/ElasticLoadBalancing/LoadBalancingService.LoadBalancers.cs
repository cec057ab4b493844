using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.Services.Ec2;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed partial class LoadBalancingService
{
    private static readonly Dictionary<string, string> DefaultAttributes = new(StringComparer.Ordinal)
    {
        ["access_logs.s3.enabled"] = "false",
        ["access_logs.s3.bucket"] = "",
        ["access_logs.s3.prefix"] = "",
        ["deletion_protection.enabled"] = "false",
        ["idle_timeout.timeout_seconds"] = "60",
        ["load_balancing.cross_zone.enabled"] = "true",
        ["routing.http.desync_mitigation_mode"] = "defensive",
        ["routing.http.drop_invalid_header_fields.enabled"] = "false",
        ["routing.http.preserve_host_header.enabled"] = "false",
        ["routing.http.x_amzn_tls_version_and_cipher_suite.enabled"] = "false",
        ["routing.http.xff_client_port.enabled"] = "false",
        ["routing.http.xff_header_processing.mode"] = "append",
        ["routing.http2.enabled"] = "true",
        ["waf.fail_open.enabled"] = "false",
        ["client_keep_alive.seconds"] = "3600",
        ["connection_logs.s3.enabled"] = "false",
        ["connection_logs.s3.bucket"] = "",
        ["connection_logs.s3.prefix"] = "",
        ["zonal_shift.config.enabled"] = "false",
    };

    private static readonly Dictionary<string, string> AlbHostedZones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z35SXDOTRQ7X7K",
        ["us-east-2"] = "Z3AADJGX6KTTL2",
        ["us-west-1"] = "Z368ELLRRE2KJ0",
        ["us-west-2"] = "Z1H1FL5HABSF5",
        ["eu-west-1"] = "Z32O12XQLNTSW2",
        ["eu-west-2"] = "ZHURV8PSTC4K8",
        ["eu-central-1"] = "Z215JYRZR1TBD5",
        ["ap-southeast-1"] = "Z1LMS91P8CMLE5",
        ["ap-northeast-1"] = "Z14GRHDCWA56QT",
    };

    private XElement CreateLoadBalancer(QueryParameters p, string region, SandboxRequest call)
    {
        var name = p.Required("Name");
        ValidateName(name, "Load balancer");
        if (name.StartsWith("internal-", StringComparison.OrdinalIgnoreCase))
        {
            throw Validation("Load balancer name cannot begin with 'internal-'");
        }

        var type = p["Type"] ?? "application";
        if (type != "application")
        {
            throw InvalidConfiguration($"The sandbox only emulates application load balancers, not '{type}'");
        }

        var scheme = p["Scheme"] ?? "internet-facing";
        if (scheme is not ("internal" or "internet-facing"))
        {
            throw Validation($"Value '{scheme}' at 'scheme' failed to satisfy constraint: Member must satisfy enum value set: [internal, internet-facing]");
        }

        var subnetIds = p.MemberList("Subnets").Concat(p.MemberStructList("SubnetMappings").Select(m => m.Required("SubnetId")))
            .Distinct(StringComparer.Ordinal).ToList();
        var securityGroups = p.MemberList("SecurityGroups").Distinct(StringComparer.Ordinal).ToList();
        var ipAddressType = p["IpAddressType"] ?? "ipv4";

        var existing = State.LoadBalancers.FirstOrDefault(lb => lb.Region == region && lb.Name == name);
        if (existing is not null)
        {
            // CreateLoadBalancer is idempotent: the same name and settings return the existing load balancer.
            var same = existing.Scheme == scheme && existing.Type == type
                && existing.Zones.Select(z => z.SubnetId).Order(StringComparer.Ordinal).SequenceEqual(subnetIds.Order(StringComparer.Ordinal))
                && (securityGroups.Count == 0 || existing.SecurityGroups.Order(StringComparer.Ordinal).SequenceEqual(securityGroups.Order(StringComparer.Ordinal)));
            if (!same)
            {
                throw new SandboxServiceException("DuplicateLoadBalancerName", $"A load balancer with the same name '{name}' exists, but with different settings");
            }

            return new XElement(Ns + "CreateLoadBalancerResult", new XElement(Ns + "LoadBalancers", Member(LoadBalancerXml(existing))));
        }

        if (subnetIds.Count == 0)
        {
            throw InvalidConfiguration("At least two subnets in two different Availability Zones must be specified");
        }

        var subnets = subnetIds.Select(id => _network.FindSubnet(region, id)
            ?? throw new SandboxServiceException("SubnetNotFound", $"The subnet ID '{id}' is not valid")).ToList();
        var vpcs = subnets.Select(s => s.VpcId).Distinct(StringComparer.Ordinal).ToList();
        if (vpcs.Count > 1)
        {
            throw InvalidConfiguration($"The following subnets are not in the same VPC: {string.Join(", ", subnetIds)}");
        }

        if (subnets.GroupBy(s => s.AvailabilityZone).Any(g => g.Count() > 1))
        {
            throw InvalidConfiguration("You cannot specify multiple subnets in the same Availability Zone");
        }

        if (subnets.Count < 2)
        {
            throw InvalidConfiguration("At least two subnets in two different Availability Zones must be specified");
        }

        if (securityGroups.Count == 0 && _world.Part<Ec2State>().SecurityGroups
                .FirstOrDefault(g => g.Region == region && g.VpcId == vpcs[0] && g.GroupName == "default") is { } defaultGroup)
        {
            // Without SecurityGroups, AWS puts an ALB in the VPC's default security group.
            securityGroups.Add(defaultGroup.Id);
        }

        foreach (var groupId in securityGroups)
        {
            var group = _network.FindSecurityGroup(region, groupId);
            if (group is null || group.VpcId != vpcs[0])
            {
                throw new SandboxServiceException("InvalidSecurityGroup", $"Security group '{groupId}' does not exist");
            }
        }

        var tags = ReadTags(p);
        var id = RandomHex(16);
        var now = _world.Now;
        var arn = $"arn:aws:elasticloadbalancing:{region}:{_network.AccountId}:loadbalancer/app/{name}/{id}";
        var zones = subnets.Select(subnet =>
        {
            var eni = _network.AllocateNetworkInterface(region, subnet.SubnetId, securityGroups, $"ELB app/{name}/{id}", "amazon-elb", arn);
            return new LoadBalancerZone(subnet.AvailabilityZone, subnet.SubnetId, eni.NetworkInterfaceId, eni.PrivateIpAddress);
        }).ToList();
        var dnsPrefix = scheme == "internal" ? "internal-" : "";
        var lb = new LoadBalancerRecord
        {
            Id = id,
            Arn = arn,
            Name = name,
            Region = region,
            DnsName = $"{dnsPrefix}{name}-{RandomDigits(10)}.{region}.elb.amazonaws.com".ToLowerInvariant(),
            CanonicalHostedZoneId = AlbHostedZones.GetValueOrDefault(region, "Z35SXDOTRQ7X7K"),
            VpcId = vpcs[0],
            Scheme = scheme,
            Type = type,
            IpAddressType = ipAddressType,
            CreatedAt = now,
            VisibleAt = call.NewResourceVisibleAt(),
            ActiveAt = now + _world.Latency.Of(SandboxLifecycles.LoadBalancerProvision),
            Zones = zones,
            SecurityGroups = securityGroups,
            Attributes = new Dictionary<string, string>(DefaultAttributes, StringComparer.Ordinal),
            Tags = tags,
        };
        State.LoadBalancers.Add(lb);
        return new XElement(Ns + "CreateLoadBalancerResult", new XElement(Ns + "LoadBalancers", Member(LoadBalancerXml(lb))));
    }

    private XElement DescribeLoadBalancers(QueryParameters p, string region)
    {
        var arns = p.MemberList("LoadBalancerArns");
        var names = p.MemberList("Names");
        var visible = State.LoadBalancers.Where(lb => lb.IsVisible(_world.Now)).ToList();
        IEnumerable<LoadBalancerRecord> found = visible.Where(lb => lb.Region == region).OrderBy(lb => lb.CreatedAt);
        if (arns.Count > 0)
        {
            found = arns.Select(arn => visible.FirstOrDefault(lb => lb.Arn == arn) ?? throw LoadBalancerNotFound()).ToList();
        }
        else if (names.Count > 0)
        {
            found = names.Select(name => visible.FirstOrDefault(lb => lb.Region == region && lb.Name == name)
                ?? throw LoadBalancerNotFound()).ToList();
        }

        var (page, nextMarker) = Page(found.ToList(), p);
        return new XElement(Ns + "DescribeLoadBalancersResult",
            new XElement(Ns + "LoadBalancers", page.Select(lb => Member(LoadBalancerXml(lb)))),
            nextMarker is null ? null : new XElement(Ns + "NextMarker", nextMarker));
    }

    private XElement DeleteLoadBalancer(QueryParameters p)
    {
        var arn = p.Required("LoadBalancerArn");
        var lb = FindLoadBalancerResource(arn);
        if (lb is null)
        {
            // Deleting a load balancer that is already gone succeeds, per the API reference.
            return new XElement(Ns + "DeleteLoadBalancerResult");
        }

        if (lb.DeletionProtection)
        {
            throw new SandboxServiceException("OperationNotPermitted", $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");
        }

        foreach (var listener in State.Listeners.Where(l => l.LoadBalancerArn == arn).ToList())
        {
            State.Listeners.Remove(listener);
        }

        foreach (var zone in lb.Zones)
        {
            _network.ReleaseNetworkInterface(lb.Region, zone.NetworkInterfaceId);
        }

        State.LoadBalancers.Remove(lb);
        MarkCertificatesInUse(lb.Arn);
        return new XElement(Ns + "DeleteLoadBalancerResult");
    }

    private XElement DescribeLoadBalancerAttributes(QueryParameters p)
    {
        var lb = FindLoadBalancerResource(p.Required("LoadBalancerArn")) ?? throw LoadBalancerNotFound();
        return new XElement(Ns + "DescribeLoadBalancerAttributesResult", AttributesXml(lb));
    }

    private XElement ModifyLoadBalancerAttributes(QueryParameters p)
    {
        var lb = FindLoadBalancerResource(p.Required("LoadBalancerArn")) ?? throw LoadBalancerNotFound();
        var changes = p.MemberStructList("Attributes");
        foreach (var change in changes)
        {
            var key = change.Required("Key");
            if (!DefaultAttributes.ContainsKey(key))
            {
                throw InvalidConfiguration($"Key {key} not valid");
            }

            var value = change["Value"] ?? "";
            if (key.EndsWith(".enabled", StringComparison.Ordinal) && value is not ("true" or "false"))
            {
                throw InvalidConfiguration($"{key} must be 'true' or 'false'");
            }
        }

        foreach (var change in changes)
        {
            lb.Attributes[change.Required("Key")] = change["Value"] ?? "";
        }

        return new XElement(Ns + "ModifyLoadBalancerAttributesResult", AttributesXml(lb));
    }

    private XElement LoadBalancerXml(LoadBalancerRecord lb) => new(Ns + "member",
        new XElement(Ns + "LoadBalancerArn", lb.Arn),
        new XElement(Ns + "DNSName", lb.DnsName),
        new XElement(Ns + "CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        new XElement(Ns + "CreatedTime", Xml.Timestamp(lb.CreatedAt)),
        new XElement(Ns + "LoadBalancerName", lb.Name),
        new XElement(Ns + "Scheme", lb.Scheme),
        new XElement(Ns + "VpcId", lb.VpcId),
        new XElement(Ns + "State", new XElement(Ns + "Code", lb.StateAt(_world.Now))),
        new XElement(Ns + "Type", lb.Type),
        new XElement(Ns + "AvailabilityZones", lb.Zones.Select(zone => Member(
            new XElement(Ns + "ZoneName", zone.ZoneName),
            new XElement(Ns + "SubnetId", zone.SubnetId),
            new XElement(Ns + "LoadBalancerAddresses")))),
        new XElement(Ns + "SecurityGroups", lb.SecurityGroups.Select(sg => new XElement(Ns + "member", sg))),
        new XElement(Ns + "IpAddressType", lb.IpAddressType));

    private static XElement AttributesXml(LoadBalancerRecord lb) => new(Ns + "Attributes",
        lb.Attributes.Select(pair => Member(new XElement(Ns + "Key", pair.Key), new XElement(Ns + "Value", pair.Value))));
}
