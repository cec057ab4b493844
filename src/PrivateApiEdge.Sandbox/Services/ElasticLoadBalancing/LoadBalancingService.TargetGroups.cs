using System.Globalization;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed partial class LoadBalancingService
{
    private XElement CreateTargetGroup(QueryParameters p, string region, SandboxRequest call)
    {
        var name = p.Required("Name");
        ValidateName(name, "Target group");
        var targetType = p["TargetType"] ?? "instance";
        var protocol = p["Protocol"];
        var port = p.Number("Port");
        var vpcId = p["VpcId"];
        if (targetType != "lambda")
        {
            if (protocol is null)
            {
                throw Validation("A protocol must be specified");
            }

            if (port is null)
            {
                throw Validation("A port must be specified");
            }

            if (vpcId is null)
            {
                throw Validation("A VPC ID must be specified");
            }
        }

        var matcher = p.Nested("Matcher")["HttpCode"] ?? "200";
        if (!HttpCodeMatcher.IsValid(matcher))
        {
            throw InvalidConfiguration($"Health check matcher HTTP code '{matcher}' must be within '200-499'");
        }

        var group = new TargetGroupRecord
        {
            Arn = "",
            Name = name,
            Region = region,
            Protocol = protocol,
            ProtocolVersion = protocol is "HTTP" or "HTTPS" ? p["ProtocolVersion"] ?? "HTTP1" : null,
            Port = port,
            VpcId = vpcId,
            TargetType = targetType,
            HealthCheckProtocol = p["HealthCheckProtocol"] ?? (protocol is "HTTPS" or "HTTP" ? "HTTP" : "TCP"),
            HealthCheckPort = p["HealthCheckPort"] ?? "traffic-port",
            HealthCheckEnabled = p.Bool("HealthCheckEnabled") ?? true,
            HealthCheckPath = p["HealthCheckPath"] ?? "/",
            HealthCheckIntervalSeconds = p.Number("HealthCheckIntervalSeconds") ?? 30,
            HealthCheckTimeoutSeconds = p.Number("HealthCheckTimeoutSeconds") ?? 5,
            HealthyThresholdCount = p.Number("HealthyThresholdCount") ?? 5,
            UnhealthyThresholdCount = p.Number("UnhealthyThresholdCount") ?? 2,
            MatcherHttpCode = matcher,
            IpAddressType = p["IpAddressType"] ?? "ipv4",
            Tags = ReadTags(p),
        };

        var existing = State.TargetGroups.FirstOrDefault(tg => tg.Region == region && tg.Name == name);
        if (existing is not null)
        {
            if (!SameSettings(existing, group))
            {
                throw new SandboxServiceException("DuplicateTargetGroupName", $"A target group with the same name '{name}' exists, but with different settings");
            }

            return new XElement(Ns + "CreateTargetGroupResult", new XElement(Ns + "TargetGroups", Member(TargetGroupXml(existing))));
        }

        var groupId = RandomHex(16);
        var created = new TargetGroupRecord
        {
            Id = groupId,
            Arn = $"arn:aws:elasticloadbalancing:{region}:{_network.AccountId}:targetgroup/{name}/{groupId}",
            CreatedAt = _world.Now,
            VisibleAt = call.NewResourceVisibleAt(),
            Name = group.Name,
            Region = region,
            Protocol = group.Protocol,
            ProtocolVersion = group.ProtocolVersion,
            Port = group.Port,
            VpcId = group.VpcId,
            TargetType = group.TargetType,
            HealthCheckProtocol = group.HealthCheckProtocol,
            HealthCheckPort = group.HealthCheckPort,
            HealthCheckEnabled = group.HealthCheckEnabled,
            HealthCheckPath = group.HealthCheckPath,
            HealthCheckIntervalSeconds = group.HealthCheckIntervalSeconds,
            HealthCheckTimeoutSeconds = group.HealthCheckTimeoutSeconds,
            HealthyThresholdCount = group.HealthyThresholdCount,
            UnhealthyThresholdCount = group.UnhealthyThresholdCount,
            MatcherHttpCode = group.MatcherHttpCode,
            IpAddressType = group.IpAddressType,
            Tags = group.Tags,
        };
        State.TargetGroups.Add(created);
        return new XElement(Ns + "CreateTargetGroupResult", new XElement(Ns + "TargetGroups", Member(TargetGroupXml(created))));
    }

    private static bool SameSettings(TargetGroupRecord a, TargetGroupRecord b) =>
        a.Protocol == b.Protocol && a.Port == b.Port && a.VpcId == b.VpcId && a.TargetType == b.TargetType
        && a.HealthCheckProtocol == b.HealthCheckProtocol && a.HealthCheckPort == b.HealthCheckPort
        && a.HealthCheckPath == b.HealthCheckPath && a.MatcherHttpCode == b.MatcherHttpCode
        && a.HealthCheckIntervalSeconds == b.HealthCheckIntervalSeconds && a.HealthCheckTimeoutSeconds == b.HealthCheckTimeoutSeconds
        && a.HealthyThresholdCount == b.HealthyThresholdCount && a.UnhealthyThresholdCount == b.UnhealthyThresholdCount;

    private XElement DescribeTargetGroups(QueryParameters p, string region)
    {
        var lbArn = p["LoadBalancerArn"];
        var arns = p.MemberList("TargetGroupArns");
        var names = p.MemberList("Names");
        var visible = State.TargetGroups.Where(tg => tg.IsVisible(_world.Now)).ToList();
        List<TargetGroupRecord> found;
        if (arns.Count > 0)
        {
            found = [.. arns.Select(arn => visible.FirstOrDefault(tg => tg.Arn == arn) ?? throw TargetGroupNotFound())];
        }
        else if (names.Count > 0)
        {
            found = [.. names.Select(name => visible.FirstOrDefault(tg => tg.Region == region && tg.Name == name)
                ?? throw TargetGroupNotFound())];
        }
        else if (lbArn is not null)
        {
            if (FindLoadBalancerResource(lbArn) is null)
            {
                throw LoadBalancerNotFound();
            }

            found = [.. visible.Where(tg => LoadBalancerArnsOf(tg.Arn).Contains(lbArn))];
        }
        else
        {
            found = [.. visible.Where(tg => tg.Region == region)];
        }

        var (page, nextMarker) = Page(found, p);
        return new XElement(Ns + "DescribeTargetGroupsResult",
            new XElement(Ns + "TargetGroups", page.Select(tg => Member(TargetGroupXml(tg)))),
            nextMarker is null ? null : new XElement(Ns + "NextMarker", nextMarker));
    }

    private XElement DeleteTargetGroup(QueryParameters p)
    {
        var arn = p.Required("TargetGroupArn");
        if (State.Listeners.Any(l => l.ForwardTargetGroupArns.Contains(arn)))
        {
            throw new SandboxServiceException("ResourceInUse", $"Target group '{arn}' is currently in use by a listener or a rule");
        }

        State.TargetGroups.RemoveAll(tg => tg.Arn == arn);
        return new XElement(Ns + "DeleteTargetGroupResult");
    }

    private XElement ModifyTargetGroup(QueryParameters p)
    {
        var group = FindTargetGroupResource(p.Required("TargetGroupArn")) ?? throw TargetGroupNotFound();
        var matcher = p.Nested("Matcher")["HttpCode"];
        if (matcher is not null && !HttpCodeMatcher.IsValid(matcher))
        {
            throw InvalidConfiguration($"Health check matcher HTTP code '{matcher}' must be within '200-499'");
        }

        group.HealthCheckProtocol = p["HealthCheckProtocol"] ?? group.HealthCheckProtocol;
        group.HealthCheckPort = p["HealthCheckPort"] ?? group.HealthCheckPort;
        group.HealthCheckPath = p["HealthCheckPath"] ?? group.HealthCheckPath;
        group.HealthCheckEnabled = p.Bool("HealthCheckEnabled") ?? group.HealthCheckEnabled;
        group.HealthCheckIntervalSeconds = p.Number("HealthCheckIntervalSeconds") ?? group.HealthCheckIntervalSeconds;
        group.HealthCheckTimeoutSeconds = p.Number("HealthCheckTimeoutSeconds") ?? group.HealthCheckTimeoutSeconds;
        group.HealthyThresholdCount = p.Number("HealthyThresholdCount") ?? group.HealthyThresholdCount;
        group.UnhealthyThresholdCount = p.Number("UnhealthyThresholdCount") ?? group.UnhealthyThresholdCount;
        group.MatcherHttpCode = matcher ?? group.MatcherHttpCode;
        return new XElement(Ns + "ModifyTargetGroupResult", new XElement(Ns + "TargetGroups", Member(TargetGroupXml(group))));
    }

    private XElement RegisterTargets(QueryParameters p)
    {
        var group = FindTargetGroupResource(p.Required("TargetGroupArn")) ?? throw TargetGroupNotFound();
        var now = _world.Now;
        foreach (var target in p.MemberStructList("Targets"))
        {
            var id = target.Required("Id");
            var port = target.Number("Port") ?? group.Port
                ?? throw new SandboxServiceException("InvalidTarget", "A port must be specified for each target");
            if (group.TargetType == "ip" && !System.Net.IPAddress.TryParse(id, out _))
            {
                throw new SandboxServiceException("InvalidTarget", $"The IP address '{id}' is not a valid IPv4 address");
            }

            if (!group.Targets.Any(t => t.Id == id && t.Port == port))
            {
                group.Targets.Add(new RegisteredTarget(id, port, target["AvailabilityZone"], now));
            }
        }

        return new XElement(Ns + "RegisterTargetsResult");
    }

    private XElement DeregisterTargets(QueryParameters p)
    {
        var group = FindTargetGroupResource(p.Required("TargetGroupArn")) ?? throw TargetGroupNotFound();
        foreach (var target in p.MemberStructList("Targets"))
        {
            var id = target.Required("Id");
            var port = target.Number("Port");
            var registered = group.Targets.Where(t => t.Id == id && (port is null || t.Port == port)).ToList();
            if (registered.Count == 0)
            {
                throw new SandboxServiceException("InvalidTarget", $"The target '{id}' is not registered with this target group");
            }

            group.Targets.RemoveAll(registered.Contains);
        }

        return new XElement(Ns + "DeregisterTargetsResult");
    }

    private XElement TargetGroupXml(TargetGroupRecord tg) => new(Ns + "member",
        new XElement(Ns + "TargetGroupArn", tg.Arn),
        new XElement(Ns + "TargetGroupName", tg.Name),
        tg.Protocol is null ? null : new XElement(Ns + "Protocol", tg.Protocol),
        tg.Port is null ? null : new XElement(Ns + "Port", tg.Port.Value.ToString(CultureInfo.InvariantCulture)),
        tg.VpcId is null ? null : new XElement(Ns + "VpcId", tg.VpcId),
        new XElement(Ns + "HealthCheckProtocol", tg.HealthCheckProtocol),
        new XElement(Ns + "HealthCheckPort", tg.HealthCheckPort),
        new XElement(Ns + "HealthCheckEnabled", tg.HealthCheckEnabled ? "true" : "false"),
        new XElement(Ns + "HealthCheckIntervalSeconds", tg.HealthCheckIntervalSeconds.ToString(CultureInfo.InvariantCulture)),
        new XElement(Ns + "HealthCheckTimeoutSeconds", tg.HealthCheckTimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
        new XElement(Ns + "HealthyThresholdCount", tg.HealthyThresholdCount.ToString(CultureInfo.InvariantCulture)),
        new XElement(Ns + "UnhealthyThresholdCount", tg.UnhealthyThresholdCount.ToString(CultureInfo.InvariantCulture)),
        new XElement(Ns + "HealthCheckPath", tg.HealthCheckPath),
        new XElement(Ns + "Matcher", new XElement(Ns + "HttpCode", tg.MatcherHttpCode)),
        new XElement(Ns + "LoadBalancerArns", LoadBalancerArnsOf(tg.Arn).Select(arn => new XElement(Ns + "member", arn))),
        new XElement(Ns + "TargetType", tg.TargetType),
        tg.ProtocolVersion is null ? null : new XElement(Ns + "ProtocolVersion", tg.ProtocolVersion),
        new XElement(Ns + "IpAddressType", tg.IpAddressType));
}
