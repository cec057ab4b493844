using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.Services.CertificateManager;
using PrivateApiEdge.Sandbox.Services.Ec2;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

/// <summary>
/// Elastic Load Balancing v2 (awsQuery, 2015-12-01): application load balancers, target groups, listeners, tags
/// and target health. Its state lives in the world (<see cref="LoadBalancingState"/>); ALB nodes get ENIs in EC2 so
/// security groups in use cannot be deleted.
/// </summary>
public sealed partial class LoadBalancingService : ISandboxService
{
    public static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private const string DefaultSslPolicy = "ELBSecurityPolicy-2016-08";

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

    private readonly SandboxWorld _world;
    private readonly WorldEdgeNetwork _network;

    public LoadBalancingService(SandboxWorld world)
    {
        _world = world;
        _network = new WorldEdgeNetwork(world);
    }

    public string SigningName => "elasticloadbalancing";

    public SandboxProtocol Protocol => SandboxProtocol.Query;

    public string XmlNamespace => Ns.NamespaceName;

    public SandboxErrorCode ThrottlingError { get; } = new("Throttling", 400, "Rate exceeded");

    private LoadBalancingState State => _world.Part<LoadBalancingState>();

    public SandboxOperation? Resolve(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Form["Action"];
        return action is not null && Supports(action)
            ? SandboxOperation.Sync(action, call => action.StartsWith("Describe", StringComparison.Ordinal)
                // Reads take the lock without persisting, so polling never rewrites the state file.
                ? _world.Read(_ => QueryProtocol.Ok(call, Ns, [.. Handle(action, call).Nodes()]))
                : _world.Write(_ => QueryProtocol.Ok(call, Ns, [.. Handle(action, call).Nodes()])))
            : null;
    }

    /// <summary>Answers one action with its <c>&lt;XxxResult&gt;</c> element. Only inside a world read (Describe*) or write.</summary>
    private XElement Handle(string action, SandboxRequest call) => Handle(action, call.Form, call.Region, call);

    private XElement Handle(string action, QueryParameters parameters, string region, SandboxRequest call) => action switch
    {
        "CreateLoadBalancer" => CreateLoadBalancer(parameters, region, call),
        "DescribeLoadBalancers" => DescribeLoadBalancers(parameters, region),
        "DeleteLoadBalancer" => DeleteLoadBalancer(parameters),
        "DescribeLoadBalancerAttributes" => DescribeLoadBalancerAttributes(parameters),
        "ModifyLoadBalancerAttributes" => ModifyLoadBalancerAttributes(parameters),
        "CreateTargetGroup" => CreateTargetGroup(parameters, region, call),
        "DescribeTargetGroups" => DescribeTargetGroups(parameters, region),
        "DeleteTargetGroup" => DeleteTargetGroup(parameters),
        "ModifyTargetGroup" => ModifyTargetGroup(parameters),
        "RegisterTargets" => RegisterTargets(parameters),
        "DeregisterTargets" => DeregisterTargets(parameters),
        "DescribeTargetHealth" => DescribeTargetHealth(parameters),
        "CreateListener" => CreateListener(parameters, region, call),
        "DescribeListeners" => DescribeListeners(parameters),
        "DeleteListener" => DeleteListener(parameters),
        "AddTags" => AddTags(parameters),
        "RemoveTags" => RemoveTags(parameters),
        "DescribeTags" => DescribeTags(parameters),
        _ => throw new SandboxServiceException("InvalidAction", $"The action {action} is not valid for this web service."),
    };

    private static bool Supports(string action) => action is "CreateLoadBalancer" or "DescribeLoadBalancers" or "DeleteLoadBalancer"
        or "DescribeLoadBalancerAttributes" or "ModifyLoadBalancerAttributes" or "CreateTargetGroup" or "DescribeTargetGroups"
        or "DeleteTargetGroup" or "ModifyTargetGroup" or "RegisterTargets" or "DeregisterTargets" or "DescribeTargetHealth" or "CreateListener"
        or "DescribeListeners" or "DeleteListener" or "AddTags" or "RemoveTags" or "DescribeTags";

    /// <summary>A snapshot of one load balancer, for CloudFront's VPC origins and the data path. Only inside a world read or write.</summary>
    public LoadBalancerSnapshot? FindLoadBalancer(string arn) =>
        FindLoadBalancerResource(arn) is { } lb ? Snapshot(lb) : null;

    /// <summary>The listener on the port with the targets its default action forwards to, health evaluated now.
    /// Only inside a world read or write.</summary>
    public ListenerRoute? RouteFor(string loadBalancerArn, int port)
    {
        var listener = State.Listeners.FirstOrDefault(l => l.LoadBalancerArn == loadBalancerArn && l.Port == port);
        if (listener is null)
        {
            return null;
        }

        var groups = listener.ForwardTargetGroupArns
            .Select(FindTargetGroupResource)
            .OfType<TargetGroupRecord>()
            .Select(group => new TargetGroupRoute(
                group.Arn, group.Name, group.Protocol ?? "", group.Port ?? 0, group.VpcId,
                [.. group.Targets.Select(target => new TargetRoute(target.Id, target.Port, EvaluateHealth(group, target).State))]))
            .ToList();
        return new ListenerRoute(listener.Arn, listener.Port, listener.Protocol, [.. listener.CertificateArns], groups);
    }

    /// <summary>ACM lists the load balancer among a certificate's users while one of its listeners serves it.</summary>
    private void MarkCertificatesInUse(string loadBalancerArn)
    {
        var used = State.Listeners.Where(l => l.LoadBalancerArn == loadBalancerArn).SelectMany(l => l.CertificateArns).ToHashSet(StringComparer.Ordinal);
        foreach (var certificate in _world.Part<AcmState>().Certificates)
        {
            certificate.InUseBy.Remove(loadBalancerArn);
            if (used.Contains(certificate.Arn))
            {
                certificate.InUseBy.Add(loadBalancerArn);
            }
        }
    }

    private LoadBalancerRecord? FindLoadBalancerResource(string arn) => State.LoadBalancers.FirstOrDefault(lb => lb.Arn == arn);

    private TargetGroupRecord? FindTargetGroupResource(string arn) => State.TargetGroups.FirstOrDefault(tg => tg.Arn == arn);

    private ListenerRecord? FindListenerResource(string arn) => State.Listeners.FirstOrDefault(l => l.Arn == arn);

    private static LoadBalancerSnapshot Snapshot(LoadBalancerRecord lb) => new(
        lb.Arn, lb.Name, lb.Region, lb.DnsName, lb.VpcId, lb.Scheme, lb.ActiveAt, [.. lb.SecurityGroups],
        [.. lb.Zones.Select(zone => zone.PrivateIpAddress)], [.. lb.Zones.Select(zone => zone.SubnetId)]);

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

    private XElement DescribeTargetHealth(QueryParameters p)
    {
        var group = FindTargetGroupResource(p.Required("TargetGroupArn")) ?? throw TargetGroupNotFound();
        var asked = p.MemberStructList("Targets");
        var descriptions = new List<XElement>();
        if (asked.Count == 0)
        {
            descriptions.AddRange(group.Targets.Select(target => HealthXml(group, target, EvaluateHealth(group, target))));
        }
        else
        {
            foreach (var query in asked)
            {
                var id = query.Required("Id");
                var port = query.Number("Port");
                var target = group.Targets.FirstOrDefault(t => t.Id == id && (port is null || t.Port == port));
                descriptions.Add(target is null
                    ? HealthXml(group, new RegisteredTarget(id, port ?? group.Port ?? 0, null, _world.Now),
                        new TargetHealthState("unused", "Target.NotRegistered", "Target is not registered to the target group"))
                    : HealthXml(group, target, EvaluateHealth(group, target)));
            }
        }

        return new XElement(Ns + "DescribeTargetHealthResult", new XElement(Ns + "TargetHealthDescriptions", descriptions));
    }

    private XElement CreateListener(QueryParameters p, string region, SandboxRequest call)
    {
        var lb = FindLoadBalancerResource(p.Required("LoadBalancerArn")) ?? throw LoadBalancerNotFound();
        var protocol = p["Protocol"] ?? "HTTP";
        if (protocol is not ("HTTP" or "HTTPS"))
        {
            throw new SandboxServiceException("UnsupportedProtocol", $"Protocol '{protocol}' is not supported by application load balancers");
        }

        var port = p.Number("Port") ?? throw Validation("A listener port must be specified");
        var certificates = p.MemberStructList("Certificates").Select(c => c.Required("CertificateArn")).ToList();
        if (protocol == "HTTPS" && certificates.Count == 0)
        {
            throw Validation("A certificate must be specified for HTTPS listeners");
        }

        foreach (var certificateArn in certificates)
        {
            var certificate = _network.FindCertificate(certificateArn);
            if (certificate is null || certificate.Region != region)
            {
                throw new SandboxServiceException("CertificateNotFound", $"Certificate '{certificateArn}' not found");
            }
        }

        var actions = p.MemberStructList("DefaultActions").Select(ReadAction).ToList();
        if (actions.Count == 0)
        {
            throw Validation("At least one default action must be specified");
        }

        foreach (var targetGroupArn in actions.SelectMany(a => a.TargetGroupArns))
        {
            var group = FindTargetGroupResource(targetGroupArn) ?? throw TargetGroupNotFound();
            if (group.VpcId != lb.VpcId)
            {
                throw InvalidConfiguration($"The target group '{targetGroupArn}' is not in the same VPC as the load balancer");
            }

            if (group.TargetType == "ip" && group.Protocol is not ("HTTP" or "HTTPS"))
            {
                throw new SandboxServiceException("IncompatibleProtocols", $"The target group '{targetGroupArn}' uses a protocol incompatible with an application load balancer");
            }

            var otherLoadBalancers = LoadBalancerArnsOf(targetGroupArn).Where(arn => arn != lb.Arn).ToList();
            if (otherLoadBalancers.Count > 0)
            {
                throw new SandboxServiceException("TargetGroupAssociationLimit", $"The following target groups cannot be associated with more than one load balancer: {targetGroupArn}");
            }
        }

        var sslPolicy = protocol == "HTTPS" ? p["SslPolicy"] ?? DefaultSslPolicy : null;
        var existing = State.Listeners.FirstOrDefault(l => l.LoadBalancerArn == lb.Arn && l.Port == port);
        if (existing is not null)
        {
            var same = existing.Protocol == protocol && existing.SslPolicy == sslPolicy
                && existing.CertificateArns.SequenceEqual(certificates)
                && existing.DefaultActions.SelectMany(a => a.TargetGroupArns).SequenceEqual(actions.SelectMany(a => a.TargetGroupArns));
            if (!same)
            {
                throw new SandboxServiceException("DuplicateListener", "A listener already exists on this port for this load balancer");
            }

            return new XElement(Ns + "CreateListenerResult", new XElement(Ns + "Listeners", Member(ListenerXml(existing))));
        }

        var lbId = lb.Arn[(lb.Arn.IndexOf("loadbalancer/", StringComparison.Ordinal) + "loadbalancer/".Length)..];
        var listenerId = RandomHex(16);
        var listener = new ListenerRecord
        {
            Id = listenerId,
            Region = region,
            Arn = $"arn:aws:elasticloadbalancing:{region}:{_network.AccountId}:listener/{lbId}/{listenerId}",
            LoadBalancerArn = lb.Arn,
            Port = port,
            Protocol = protocol,
            SslPolicy = sslPolicy,
            CertificateArns = certificates,
            DefaultActions = actions,
            CreatedAt = _world.Now,
            VisibleAt = call.NewResourceVisibleAt(),
            Tags = ReadTags(p),
        };
        State.Listeners.Add(listener);
        MarkCertificatesInUse(lb.Arn);
        return new XElement(Ns + "CreateListenerResult", new XElement(Ns + "Listeners", Member(ListenerXml(listener))));
    }

    private static ListenerAction ReadAction(QueryParameters action)
    {
        var type = action.Required("Type");
        var groups = new List<string>();
        if (action["TargetGroupArn"] is { } direct)
        {
            groups.Add(direct);
        }

        groups.AddRange(action.Nested("ForwardConfig").MemberStructList("TargetGroups").Select(g => g.Required("TargetGroupArn")));
        if (type == "forward" && groups.Count == 0)
        {
            throw new SandboxServiceException("InvalidLoadBalancerAction", "A target group ARN must be specified for forward actions");
        }

        return new ListenerAction(type, [.. groups.Distinct(StringComparer.Ordinal)], action.Number("Order"));
    }

    private XElement DescribeListeners(QueryParameters p)
    {
        var lbArn = p["LoadBalancerArn"];
        var arns = p.MemberList("ListenerArns");
        List<ListenerRecord> found;
        if (arns.Count > 0)
        {
            found = [.. arns.Select(arn => FindListenerResource(arn) is { } listener && listener.IsVisible(_world.Now)
                ? listener
                : throw new SandboxServiceException("ListenerNotFound", "One or more listeners not found"))];
        }
        else if (lbArn is not null)
        {
            if (FindLoadBalancerResource(lbArn) is null)
            {
                throw LoadBalancerNotFound();
            }

            found = [.. State.Listeners.Where(l => l.LoadBalancerArn == lbArn && l.IsVisible(_world.Now)).OrderBy(l => l.Port)];
        }
        else
        {
            throw Validation("You must specify either listener ARNs or a load balancer ARN");
        }

        var (page, nextMarker) = Page(found, p);
        return new XElement(Ns + "DescribeListenersResult",
            new XElement(Ns + "Listeners", page.Select(l => Member(ListenerXml(l)))),
            nextMarker is null ? null : new XElement(Ns + "NextMarker", nextMarker));
    }

    private XElement DeleteListener(QueryParameters p)
    {
        var arn = p.Required("ListenerArn");
        var listener = FindListenerResource(arn) ?? throw new SandboxServiceException("ListenerNotFound", "One or more listeners not found");
        State.Listeners.Remove(listener);
        MarkCertificatesInUse(listener.LoadBalancerArn);

        return new XElement(Ns + "DeleteListenerResult");
    }

    private XElement AddTags(QueryParameters p)
    {
        var tags = ReadTags(p);
        foreach (var arn in p.MemberList("ResourceArns"))
        {
            TagsOf(arn).SetTags(tags);
        }

        return new XElement(Ns + "AddTagsResult");
    }

    private XElement RemoveTags(QueryParameters p)
    {
        var keys = p.MemberList("TagKeys");
        foreach (var arn in p.MemberList("ResourceArns"))
        {
            TagsOf(arn).Tags.RemoveAll(tag => keys.Contains(tag.Key));
        }

        return new XElement(Ns + "RemoveTagsResult");
    }

    private XElement DescribeTags(QueryParameters p) =>
        new(Ns + "DescribeTagsResult", new XElement(Ns + "TagDescriptions", p.MemberList("ResourceArns").Select(arn => Member(
            new XElement(Ns + "ResourceArn", arn),
            new XElement(Ns + "Tags", TagsOf(arn).Tags.Select(tag => Member(new XElement(Ns + "Key", tag.Key), new XElement(Ns + "Value", tag.Value))))))));

    private SandboxResource TagsOf(string arn)
    {
        if (arn.Contains(":loadbalancer/", StringComparison.Ordinal))
        {
            return FindLoadBalancerResource(arn) ?? throw LoadBalancerNotFound();
        }

        if (arn.Contains(":targetgroup/", StringComparison.Ordinal))
        {
            return FindTargetGroupResource(arn) ?? throw TargetGroupNotFound();
        }

        if (arn.Contains(":listener/", StringComparison.Ordinal))
        {
            return FindListenerResource(arn) ?? throw new SandboxServiceException("ListenerNotFound", "One or more listeners not found");
        }

        throw Validation($"'{arn}' is not a valid load balancer, target group or listener ARN");
    }

    private static List<SandboxTag> ReadTags(QueryParameters p)
    {
        var tags = new List<SandboxTag>();
        foreach (var tag in p.MemberStructList("Tags"))
        {
            var key = tag.Required("Key");
            if (tags.Any(t => t.Key == key))
            {
                throw new SandboxServiceException("DuplicateTagKeys", $"Tag key '{key}' specified more than once");
            }

            tags.Add(new SandboxTag(key, tag["Value"] ?? ""));
        }

        return tags;
    }

    private List<string> LoadBalancerArnsOf(string targetGroupArn) =>
        [.. State.Listeners.Where(l => l.ForwardTargetGroupArns.Contains(targetGroupArn)).Select(l => l.LoadBalancerArn).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The health an ALB would report now. Health checks go from the ALB's nodes to the target, so the security
    /// groups must let them through both ways (ALB egress, target ingress); an execute-api endpoint answers a
    /// check without an API Host header with 403, which only a matcher such as "200,403" accepts.
    /// </summary>
    private TargetHealthState EvaluateHealth(TargetGroupRecord group, RegisteredTarget target)
    {
        var listeners = State.Listeners.Where(l => l.ForwardTargetGroupArns.Contains(group.Arn)).ToList();
        if (listeners.Count == 0)
        {
            return new("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
        }

        if (!group.HealthCheckEnabled)
        {
            return new("unavailable", "Target.HealthCheckDisabled", "Health checks are disabled");
        }

        var lb = FindLoadBalancerResource(listeners[0].LoadBalancerArn)!;
        var settled = new[] { lb.ActiveAt, target.RegisteredAt, listeners.Min(l => l.CreatedAt) }.Max() + _world.Latency.Of(SandboxLifecycles.TargetHealth);
        if (_world.Now < settled)
        {
            return new("initial", "Elb.RegistrationInProgress", "Target registration is in progress");
        }

        var port = group.HealthCheckPort == "traffic-port"
            ? target.Port
            : int.Parse(group.HealthCheckPort, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var endpoint = _network.FindVpcEndpointByPrivateIp(lb.Region, target.Id);
        var lbIps = lb.Zones.Select(z => z.PrivateIpAddress).ToList();
        var reachable = endpoint is { State: "available" }
            && SecurityGroupChain.AllowsEgress(_network, lb.Region, lb.SecurityGroups, port, [target.Id], endpoint.SecurityGroupIds)
            && SecurityGroupChain.AllowsIngress(_network, lb.Region, endpoint.SecurityGroupIds, port, lbIps, lb.SecurityGroups);
        if (!reachable || port != 443)
        {
            return new("unhealthy", "Target.Timeout", "Request timed out");
        }

        if (group.HealthCheckProtocol != "HTTPS")
        {
            // The endpoint only speaks TLS on 443: a plain HTTP check gets its connection closed.
            return new("unhealthy", "Target.FailedHealthChecks", "Health checks failed");
        }

        const int EndpointAnswer = 403;
        return HttpCodeMatcher.Matches(group.MatcherHttpCode, EndpointAnswer)
            ? new("healthy", null, null)
            : new("unhealthy", "Target.ResponseCodeMismatch", $"Health checks failed with these codes: [{EndpointAnswer}]");
    }

    private XElement LoadBalancerXml(LoadBalancerRecord lb) => new(Ns + "member",
        new XElement(Ns + "LoadBalancerArn", lb.Arn),
        new XElement(Ns + "DNSName", lb.DnsName),
        new XElement(Ns + "CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        new XElement(Ns + "CreatedTime", Timestamp(lb.CreatedAt)),
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

    private static XElement ListenerXml(ListenerRecord listener) => new(Ns + "member",
        new XElement(Ns + "ListenerArn", listener.Arn),
        new XElement(Ns + "LoadBalancerArn", listener.LoadBalancerArn),
        new XElement(Ns + "Port", listener.Port.ToString(CultureInfo.InvariantCulture)),
        new XElement(Ns + "Protocol", listener.Protocol),
        new XElement(Ns + "Certificates", listener.CertificateArns.Select(arn => Member(new XElement(Ns + "CertificateArn", arn)))),
        listener.SslPolicy is null ? null : new XElement(Ns + "SslPolicy", listener.SslPolicy),
        new XElement(Ns + "DefaultActions", listener.DefaultActions.Select(action => Member(
            new XElement(Ns + "Type", action.Type),
            action.TargetGroupArns.Count == 1 ? new XElement(Ns + "TargetGroupArn", action.TargetGroupArns[0]) : null,
            action.Order is null ? null : new XElement(Ns + "Order", action.Order.Value.ToString(CultureInfo.InvariantCulture)),
            action.TargetGroupArns.Count == 0 ? null : new XElement(Ns + "ForwardConfig", new XElement(Ns + "TargetGroups",
                action.TargetGroupArns.Select(arn => Member(new XElement(Ns + "TargetGroupArn", arn), new XElement(Ns + "Weight", "1")))))))));

    private static XElement HealthXml(TargetGroupRecord group, RegisteredTarget target, TargetHealthState health) => Member(
        new XElement(Ns + "Target",
            new XElement(Ns + "Id", target.Id),
            new XElement(Ns + "Port", target.Port.ToString(CultureInfo.InvariantCulture)),
            target.AvailabilityZone is null ? null : new XElement(Ns + "AvailabilityZone", target.AvailabilityZone)),
        new XElement(Ns + "HealthCheckPort", group.HealthCheckPort == "traffic-port"
            ? target.Port.ToString(CultureInfo.InvariantCulture)
            : group.HealthCheckPort),
        new XElement(Ns + "TargetHealth",
            new XElement(Ns + "State", health.State),
            health.Reason is null ? null : new XElement(Ns + "Reason", health.Reason),
            health.Description is null ? null : new XElement(Ns + "Description", health.Description)));

    private static XElement Member(params object?[] content) =>
        content is [XElement { Name.LocalName: "member" } single] ? single : new XElement(Ns + "member", content);

    private static (List<T> Page, string? NextMarker) Page<T>(List<T> items, QueryParameters p)
    {
        var start = p["Marker"] is { } marker && int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var size = Math.Clamp(p.Number("PageSize") ?? 400, 1, 400);
        var page = items.Skip(start).Take(size).ToList();
        return (page, start + size < items.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null);
    }

    private static void ValidateName(string name, string what)
    {
        if (name.Length > 32 || !NamePattern().IsMatch(name))
        {
            throw Validation(
                $"{what} name '{name}' can have a maximum of 32 characters, can contain only alphanumeric characters and hyphens, and cannot begin or end with a hyphen");
        }
    }

    private static SandboxServiceException Validation(string message) => new("ValidationError", message);

    private static SandboxServiceException InvalidConfiguration(string message) => new("InvalidConfigurationRequest", message);

    private static SandboxServiceException LoadBalancerNotFound() => new("LoadBalancerNotFound", "One or more load balancers not found");

    private static SandboxServiceException TargetGroupNotFound() => new("TargetGroupNotFound", "One or more target groups not found");

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length / 2));

    private static string RandomDigits(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(i => RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10).ToString(CultureInfo.InvariantCulture)));

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$")]
    private static partial Regex NamePattern();
}

public sealed record TargetHealthState(string State, string? Reason, string? Description);

public sealed record LoadBalancerSnapshot(
    string Arn,
    string Name,
    string Region,
    string DnsName,
    string VpcId,
    string Scheme,
    DateTimeOffset ActiveAt,
    IReadOnlyList<string> SecurityGroups,
    IReadOnlyList<string> PrivateIpAddresses,
    IReadOnlyList<string> SubnetIds)
{
    public string StateAt(DateTimeOffset now) => now >= ActiveAt ? "active" : "provisioning";
}

public sealed record ListenerRoute(
    string ListenerArn, int Port, string Protocol, IReadOnlyList<string> CertificateArns, IReadOnlyList<TargetGroupRoute> TargetGroups);

public sealed record TargetGroupRoute(string Arn, string Name, string Protocol, int Port, string? VpcId, IReadOnlyList<TargetRoute> Targets);

public sealed record TargetRoute(string Id, int Port, string HealthState);
