using PrivateApiEdge.Sandbox.DataPath;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed partial class LoadBalancingService
{
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

    private static LoadBalancerSnapshot Snapshot(LoadBalancerRecord lb) => new(
        lb.Arn, lb.Name, lb.Region, lb.DnsName, lb.VpcId, lb.Scheme, lb.ActiveAt, [.. lb.SecurityGroups],
        [.. lb.Zones.Select(zone => zone.PrivateIpAddress)], [.. lb.Zones.Select(zone => zone.SubnetId)]);
}
