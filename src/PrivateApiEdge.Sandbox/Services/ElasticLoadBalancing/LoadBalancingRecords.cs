using System.Text.Json.Serialization;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

/// <summary>ELBv2's part of the world: load balancers, target groups and listeners.</summary>
public sealed class LoadBalancingState : SandboxStatePart
{
    public List<LoadBalancerRecord> LoadBalancers { get; set; } = [];
    public List<TargetGroupRecord> TargetGroups { get; set; } = [];
    public List<ListenerRecord> Listeners { get; set; } = [];

    public override IEnumerable<SandboxResource> Resources() =>
        LoadBalancers.Cast<SandboxResource>().Concat(TargetGroups).Concat(Listeners);
}

public sealed class LoadBalancerRecord : SandboxResource
{
    public string Name { get; set; } = "";
    public string DnsName { get; set; } = "";
    public string CanonicalHostedZoneId { get; set; } = "";
    public string VpcId { get; set; } = "";
    public string Scheme { get; set; } = "";
    public string Type { get; set; } = "application";
    public string IpAddressType { get; set; } = "ipv4";
    public DateTimeOffset ActiveAt { get; set; }
    public List<LoadBalancerZone> Zones { get; set; } = [];
    public List<string> SecurityGroups { get; set; } = [];
    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public override string ResourceType => "elasticloadbalancing:loadbalancer";

    public string StateAt(DateTimeOffset now) => now >= ActiveAt ? "active" : "provisioning";

    [JsonIgnore]
    public bool DeletionProtection =>
        Attributes.TryGetValue("deletion_protection.enabled", out var value) && value == "true";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["name"] = Name,
        ["state"] = StateAt(now),
        ["dnsName"] = DnsName,
        ["deletionProtection"] = DeletionProtection ? "true" : "false",
    };
}

/// <summary>One subnet the ALB lives in, with the ENI the sandbox allocated for its node there.</summary>
public sealed record LoadBalancerZone(string ZoneName, string SubnetId, string NetworkInterfaceId, string PrivateIpAddress);

public sealed class TargetGroupRecord : SandboxResource
{
    public string Name { get; set; } = "";
    public string? Protocol { get; set; }
    public string? ProtocolVersion { get; set; }
    public int? Port { get; set; }
    public string? VpcId { get; set; }
    public string TargetType { get; set; } = "instance";
    public string HealthCheckProtocol { get; set; } = "HTTP";
    public string HealthCheckPort { get; set; } = "traffic-port";
    public bool HealthCheckEnabled { get; set; } = true;
    public string HealthCheckPath { get; set; } = "/";
    public int HealthCheckIntervalSeconds { get; set; } = 30;
    public int HealthCheckTimeoutSeconds { get; set; } = 5;
    public int HealthyThresholdCount { get; set; } = 5;
    public int UnhealthyThresholdCount { get; set; } = 2;
    public string MatcherHttpCode { get; set; } = "200";
    public string IpAddressType { get; set; } = "ipv4";
    public List<RegisteredTarget> Targets { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "elasticloadbalancing:targetgroup";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["name"] = Name,
        ["targets"] = string.Join(",", Targets.Select(t => t.Id)),
    };
}

public sealed record RegisteredTarget(string Id, int Port, string? AvailabilityZone, DateTimeOffset RegisteredAt);

public sealed class ListenerRecord : SandboxResource
{
    public string LoadBalancerArn { get; set; } = "";
    public int Port { get; set; }
    public string Protocol { get; set; } = "HTTP";
    public string? SslPolicy { get; set; }
    public List<string> CertificateArns { get; set; } = [];
    public List<ListenerAction> DefaultActions { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "elasticloadbalancing:listener";

    [JsonIgnore]
    public IEnumerable<string> ForwardTargetGroupArns => DefaultActions.SelectMany(action => action.TargetGroupArns);

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["loadBalancerArn"] = LoadBalancerArn,
        ["port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A listener action; forward actions may name the group directly or through ForwardConfig.</summary>
public sealed record ListenerAction(string Type, IReadOnlyList<string> TargetGroupArns, int? Order);
