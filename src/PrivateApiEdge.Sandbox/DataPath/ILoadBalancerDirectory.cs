namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// What the data path and CloudFront's VPC origins ask of Elastic Load Balancing, as plain views; the ELB service
/// answers it. Only usable inside <see cref="State.SandboxWorld.Read{T}"/> or <see cref="State.SandboxWorld.Write{T}"/>.
/// </summary>
public interface ILoadBalancerDirectory
{
    /// <summary>A snapshot of one load balancer, or null when there is none with that ARN.</summary>
    LoadBalancerSnapshot? FindLoadBalancer(string arn);

    /// <summary>The listener on the port with the targets its default action forwards to, health evaluated now.</summary>
    ListenerRoute? RouteFor(string loadBalancerArn, int port);
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
