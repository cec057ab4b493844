using PrivateApiEdge.Sandbox.DataPath;
using static PrivateApiEdge.UnitTests.Sandbox.DataPath.InMemoryEdgeNetwork;

namespace PrivateApiEdge.UnitTests.Sandbox.DataPath;

public sealed class SecurityGroupChainTests
{
    private const string Region = "eu-west-1";

    [Fact]
    public void Ingress_from_a_referenced_group_admits_members_of_that_group_only()
    {
        var network = new InMemoryEdgeNetwork();
        network.Add("sg-endpoint", [Tcp(443, group: "sg-alb")], []);

        Assert.True(SecurityGroupChain.AllowsIngress(network, Region, ["sg-endpoint"], 443, ["10.0.1.5"], ["sg-alb"]));
        Assert.False(SecurityGroupChain.AllowsIngress(network, Region, ["sg-endpoint"], 443, ["10.0.1.5"], ["sg-other"]));
        Assert.False(SecurityGroupChain.AllowsIngress(network, Region, ["sg-endpoint"], 80, ["10.0.1.5"], ["sg-alb"]));
    }

    [Fact]
    public void Ingress_from_a_cidr_admits_addresses_inside_it()
    {
        var network = new InMemoryEdgeNetwork();
        network.Add("sg-endpoint", [Tcp(443, cidr: "10.0.0.0/16")], []);

        Assert.True(SecurityGroupChain.AllowsIngress(network, Region, ["sg-endpoint"], 443, ["10.0.3.9"], []));
        Assert.False(SecurityGroupChain.AllowsIngress(network, Region, ["sg-endpoint"], 443, ["10.1.3.9"], []));
    }

    [Fact]
    public void Ingress_from_a_prefix_list_admits_only_traffic_from_that_list()
    {
        var network = new InMemoryEdgeNetwork();
        network.Add("sg-cloudfront", [Tcp(443, prefixList: "pl-4fa04526")], []);

        Assert.True(SecurityGroupChain.AllowsIngress(network, Region, ["sg-cloudfront"], 443, [], [], "pl-4fa04526"));
        Assert.False(SecurityGroupChain.AllowsIngress(network, Region, ["sg-cloudfront"], 443, [], [], "pl-other"));
    }

    [Fact]
    public void Egress_needs_a_rule_towards_the_receiver()
    {
        var network = new InMemoryEdgeNetwork();
        network.Add("sg-alb", [], [Tcp(443, group: "sg-endpoint")]);
        network.Add("sg-open", [], [new SecurityGroupRuleView("-1", null, null, ["0.0.0.0/0"], [], [])]);
        network.Add("sg-closed", [], []);

        Assert.True(SecurityGroupChain.AllowsEgress(network, Region, ["sg-alb"], 443, ["10.0.1.7"], ["sg-endpoint"]));
        Assert.True(SecurityGroupChain.AllowsEgress(network, Region, ["sg-open"], 443, ["10.0.1.7"], []));
        Assert.False(SecurityGroupChain.AllowsEgress(network, Region, ["sg-closed"], 443, ["10.0.1.7"], ["sg-endpoint"]));
        Assert.False(SecurityGroupChain.AllowsEgress(network, Region, ["sg-missing"], 443, ["10.0.1.7"], ["sg-endpoint"]));
    }
}
