using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.UnitTests.Sandbox.DataPath;

namespace PrivateApiEdge.UnitTests.Sandbox.ElasticLoadBalancing;

public sealed class LoadBalancingModelConformanceTests
{
    private static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    [Fact]
    public async Task Every_answer_of_the_portals_alb_sequence_conforms_to_the_elbv2_model()
    {
        await using var calls = await SandboxEdgeCalls.StartAsync();
        var sg = calls.CreateSecurityGroup("alb");
        var ips = calls.CreateEndpointIps(sg);

        var (tgBody, _) = await calls.ElbAsync("CreateTargetGroup", ("Name", "model-tg"), ("Protocol", "HTTPS"), ("Port", "443"),
            ("VpcId", SandboxSeed.VpcId), ("TargetType", "ip"), ("HealthCheckProtocol", "HTTPS"), ("Matcher.HttpCode", "200,403"),
            ("Tags.member.1.Key", "privateapiedge:deployment"), ("Tags.member.1.Value", "d-1"));
        var tg = XElement.Parse(tgBody).Descendants(Ns + "TargetGroupArn").Single().Value;
        await calls.ElbAsync("RegisterTargets", ("TargetGroupArn", tg), ("Targets.member.1.Id", ips[0]), ("Targets.member.1.Port", "443"));
        var (lbBody, _) = await calls.ElbAsync("CreateLoadBalancer", ("Name", "model-alb"), ("Scheme", "internal"), ("Type", "application"),
            ("Subnets.member.1", SandboxSeed.SubnetAId), ("Subnets.member.2", SandboxSeed.SubnetBId), ("SecurityGroups.member.1", sg));
        var lb = XElement.Parse(lbBody).Descendants(Ns + "LoadBalancerArn").Single().Value;
        await calls.ElbAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", lb));
        await calls.ElbAsync("ModifyLoadBalancerAttributes", ("LoadBalancerArn", lb),
            ("Attributes.member.1.Key", "deletion_protection.enabled"), ("Attributes.member.1.Value", "true"));
        await calls.ElbAsync("DescribeLoadBalancerAttributes", ("LoadBalancerArn", lb));
        var (listenerBody, _) = await calls.ElbAsync("CreateListener", ("LoadBalancerArn", lb), ("Protocol", "HTTPS"), ("Port", "443"),
            ("Certificates.member.1.CertificateArn", SandboxSeed.RegionalCertificateArn),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", tg));
        var listener = XElement.Parse(listenerBody).Descendants(Ns + "ListenerArn").Single().Value;
        await calls.ElbAsync("DescribeListeners", ("LoadBalancerArn", lb));
        await calls.ElbAsync("DescribeTargetGroups", ("TargetGroupArns.member.1", tg));
        await calls.ElbAsync("DescribeTargetHealth", ("TargetGroupArn", tg));
        await calls.ElbAsync("AddTags", ("ResourceArns.member.1", lb), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "edge"));
        await calls.ElbAsync("DescribeTags", ("ResourceArns.member.1", lb), ("ResourceArns.member.2", tg));
        await calls.ElbAsync("DeregisterTargets", ("TargetGroupArn", tg), ("Targets.member.1.Id", ips[0]), ("Targets.member.1.Port", "443"));
        await calls.ElbAsync("DeleteListener", ("ListenerArn", listener));
        await calls.ElbAsync("ModifyLoadBalancerAttributes", ("LoadBalancerArn", lb),
            ("Attributes.member.1.Key", "deletion_protection.enabled"), ("Attributes.member.1.Value", "false"));
        await calls.ElbAsync("DeleteLoadBalancer", ("LoadBalancerArn", lb));
        await calls.ElbAsync("DeleteTargetGroup", ("TargetGroupArn", tg));
    }
}
