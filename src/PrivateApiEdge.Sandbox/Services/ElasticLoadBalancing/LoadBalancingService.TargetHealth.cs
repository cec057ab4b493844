using System.Globalization;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.DataPath;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed partial class LoadBalancingService
{
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
}
