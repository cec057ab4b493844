using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Core.Lifecycles;

namespace PrivateApiEdge.UnitTests.Sandbox;

public sealed class FaultInjectorTests
{
    [Fact]
    public void A_one_shot_rule_hits_the_next_count_matching_calls_and_then_disappears()
    {
        var faults = new FaultInjector(Options.Create(new SandboxOptions()));
        faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Throttle, Service = "ec2", Operation = "DescribeVpcs", Count = 2 });

        Assert.Null(faults.TakeRequestFault("ec2", "DescribeSubnets"));
        Assert.Null(faults.TakeRequestFault("sts", "DescribeVpcs"));
        Assert.Equal(SandboxFaultKinds.Throttle, faults.TakeRequestFault("ec2", "DescribeVpcs"));
        Assert.Equal(SandboxFaultKinds.Throttle, faults.TakeRequestFault("EC2", "DescribeVpcs"));
        Assert.Null(faults.TakeRequestFault("ec2", "DescribeVpcs"));
        Assert.Empty(faults.Rules);
    }

    [Fact]
    public void Rate_rules_hit_with_their_probability_and_stay()
    {
        var faults = new FaultInjector(Options.Create(new SandboxOptions { FaultSeed = 7 }));
        faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Unavailable, Service = "*", Rate = 0.5 });

        var hits = Enumerable.Range(0, 1000).Count(_ => faults.TakeRequestFault("route53", "GetChange") is not null);

        Assert.InRange(hits, 400, 600);
        Assert.Single(faults.Rules);
    }

    [Fact]
    public void Delayed_consistency_is_taken_by_creates_and_never_fails_a_request()
    {
        var faults = new FaultInjector(Options.Create(new SandboxOptions()));
        faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.DelayedConsistency, Service = "ec2", Count = 1, DelayMs = 2500 });

        Assert.Null(faults.TakeRequestFault("ec2", "CreateSecurityGroup"));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), faults.TakeConsistencyDelay("ec2", "CreateSecurityGroup"));
        Assert.Equal(TimeSpan.Zero, faults.TakeConsistencyDelay("ec2", "CreateSecurityGroup"));
    }

    [Fact]
    public void A_delayed_consistency_rate_rule_delays_every_matching_create_and_stays()
    {
        var faults = new FaultInjector(Options.Create(new SandboxOptions()));
        faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.DelayedConsistency, Service = "ec2", Operation = "CreateVpcEndpoint", Rate = 1, DelayMs = 800 });

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Equal(TimeSpan.FromMilliseconds(800), faults.TakeConsistencyDelay("ec2", "CreateVpcEndpoint")));
        Assert.Equal(TimeSpan.Zero, faults.TakeConsistencyDelay("ec2", "CreateSecurityGroup"));
        Assert.Single(faults.Rules);
    }

    [Theory]
    [InlineData("earthquake", 0.1)]
    [InlineData(SandboxFaultKinds.Throttle, 1.5)]
    public void Invalid_rules_are_rejected(string kind, double rate)
    {
        var faults = new FaultInjector(Options.Create(new SandboxOptions()));

        Assert.Throws<ArgumentException>(() => faults.Add(new SandboxFaultRule { Kind = kind, Rate = rate }));
    }

    [Theory]
    [InlineData("instant", 0)]
    [InlineData("fast", 1500)]
    [InlineData("realistic", 120_000)]
    public void Each_latency_profile_has_its_own_lifecycle_duration(string profile, int expectedMilliseconds)
    {
        var latency = new SandboxLatency(Options.Create(new SandboxOptions { LatencyProfile = profile }));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), latency.Of(SandboxLifecycles.VpcEndpointCreate));
    }
}
