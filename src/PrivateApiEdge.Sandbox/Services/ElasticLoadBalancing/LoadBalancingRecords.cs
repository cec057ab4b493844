namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed class LoadBalancerRecord
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    public required string DnsName { get; init; }
    public required string CanonicalHostedZoneId { get; init; }
    public required string VpcId { get; init; }
    public required string Scheme { get; init; }
    public required string Type { get; init; }
    public required string IpAddressType { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public required DateTimeOffset ActiveAt { get; init; }
    public required List<LoadBalancerZone> Zones { get; init; }
    public required List<string> SecurityGroups { get; init; }
    public required Dictionary<string, string> Attributes { get; init; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public string StateAt(DateTimeOffset now) => now >= ActiveAt ? "active" : "provisioning";

    public bool DeletionProtection =>
        Attributes.TryGetValue("deletion_protection.enabled", out var value) && value == "true";
}

/// <summary>One subnet the ALB lives in, with the ENI the sandbox allocated for its node there.</summary>
public sealed record LoadBalancerZone(string ZoneName, string SubnetId, string NetworkInterfaceId, string PrivateIpAddress);

public sealed class TargetGroupRecord
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    public string? Protocol { get; init; }
    public string? ProtocolVersion { get; init; }
    public int? Port { get; init; }
    public string? VpcId { get; init; }
    public required string TargetType { get; init; }
    public required string HealthCheckProtocol { get; init; }
    public required string HealthCheckPort { get; init; }
    public required bool HealthCheckEnabled { get; init; }
    public required string HealthCheckPath { get; init; }
    public required int HealthCheckIntervalSeconds { get; init; }
    public required int HealthCheckTimeoutSeconds { get; init; }
    public required int HealthyThresholdCount { get; init; }
    public required int UnhealthyThresholdCount { get; init; }
    public required string MatcherHttpCode { get; init; }
    public required string IpAddressType { get; init; }
    public List<RegisteredTarget> Targets { get; init; } = [];
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);
}

public sealed record RegisteredTarget(string Id, int Port, string? AvailabilityZone, DateTimeOffset RegisteredAt);

public sealed class ListenerRecord
{
    public required string Arn { get; init; }
    public required string LoadBalancerArn { get; init; }
    public required int Port { get; init; }
    public required string Protocol { get; init; }
    public string? SslPolicy { get; init; }
    public required List<string> CertificateArns { get; init; }
    public required List<ListenerAction> DefaultActions { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public IEnumerable<string> ForwardTargetGroupArns => DefaultActions.SelectMany(action => action.TargetGroupArns);
}

/// <summary>A listener action; forward actions may name the group directly or through ForwardConfig.</summary>
public sealed record ListenerAction(string Type, IReadOnlyList<string> TargetGroupArns, int? Order);
