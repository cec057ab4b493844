using System.Globalization;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.Services.CertificateManager;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed partial class LoadBalancingService
{
    private const string DefaultSslPolicy = "ELBSecurityPolicy-2016-08";

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
}
