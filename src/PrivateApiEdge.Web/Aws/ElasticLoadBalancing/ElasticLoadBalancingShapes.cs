using System.Diagnostics.CodeAnalysis;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

// Shapes shared by requests and responses, named as in the ELBv2 API model (Tag is ElbTag to avoid clashing
// with the other APIs' tag types in callers that import several namespaces).

public sealed record ElbTag(string Key, string? Value);

[SuppressMessage("Naming", "CA1711", Justification = "The ELBv2 model's shape name; a load balancer attribute, not a .NET attribute.")]
public sealed record LoadBalancerAttribute(string Key, string Value)
{
    public const string DeletionProtectionEnabled = "deletion_protection.enabled";
    public const string DropInvalidHeaderFieldsEnabled = "routing.http.drop_invalid_header_fields.enabled";
}

public sealed record Matcher(string? HttpCode, string? GrpcCode = null);

public sealed record TargetDescription(string Id, int? Port = null, string? AvailabilityZone = null);

public sealed record ListenerCertificate(string CertificateArn, bool? IsDefault = null);

public sealed record ListenerAction(string Type, string? TargetGroupArn = null, int? Order = null)
{
    public static ListenerAction Forward(string targetGroupArn) => new("forward", targetGroupArn);
}

public sealed record LoadBalancerState(string? Code, string? Reason)
{
    public const string Active = "active";
    public const string Provisioning = "provisioning";
    public const string ActiveImpaired = "active_impaired";
    public const string Failed = "failed";
}

public sealed record AvailabilityZone(string? ZoneName, string? SubnetId);

public sealed record LoadBalancer
{
    public required string LoadBalancerArn { get; init; }

    public string? DnsName { get; init; }

    public string? CanonicalHostedZoneId { get; init; }

    public DateTimeOffset? CreatedTime { get; init; }

    public string? LoadBalancerName { get; init; }

    public string? Scheme { get; init; }

    public string? VpcId { get; init; }

    public LoadBalancerState? State { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<AvailabilityZone> AvailabilityZones { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    public string? IpAddressType { get; init; }
}

public sealed record TargetGroup
{
    public required string TargetGroupArn { get; init; }

    public string? TargetGroupName { get; init; }

    public string? Protocol { get; init; }

    public int? Port { get; init; }

    public string? VpcId { get; init; }

    public string? HealthCheckProtocol { get; init; }

    public string? HealthCheckPort { get; init; }

    public string? HealthCheckPath { get; init; }

    public Matcher? Matcher { get; init; }

    public IReadOnlyList<string> LoadBalancerArns { get; init; } = [];

    public string? TargetType { get; init; }
}

public sealed record TargetHealth(string? State, string? Reason, string? Description)
{
    public const string Healthy = "healthy";
    public const string Initial = "initial";
    public const string Unhealthy = "unhealthy";
}

public sealed record TargetHealthDescription(TargetDescription Target, string? HealthCheckPort, TargetHealth? TargetHealth);

public sealed record Listener
{
    public required string ListenerArn { get; init; }

    public string? LoadBalancerArn { get; init; }

    public int? Port { get; init; }

    public string? Protocol { get; init; }

    public IReadOnlyList<ListenerCertificate> Certificates { get; init; } = [];

    public string? SslPolicy { get; init; }

    public IReadOnlyList<ListenerAction> DefaultActions { get; init; } = [];
}

public sealed record TagDescription(string ResourceArn, IReadOnlyList<ElbTag> Tags);
