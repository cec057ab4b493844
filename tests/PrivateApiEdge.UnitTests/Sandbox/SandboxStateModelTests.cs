using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.Services.CertificateManager;
using PrivateApiEdge.Sandbox.Services.Ec2;
using PrivateApiEdge.Sandbox.Services.Route53;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.UnitTests.Sandbox;

public sealed class SandboxStateModelTests
{
    [Fact]
    public void Subnet_addresses_skip_the_four_reserved_at_the_start_and_the_broadcast_address()
    {
        var cidr = Ipv4Cidr.Parse("10.20.1.0/28");

        var usable = cidr.UsableAddresses().ToList();

        Assert.Equal("10.20.1.4", usable[0]);
        Assert.Equal("10.20.1.14", usable[^1]);
        Assert.Equal(11, usable.Count);
        Assert.True(cidr.Contains("10.20.1.9"));
        Assert.False(cidr.Contains("10.20.2.9"));
    }

    [Fact]
    public void Allocated_interfaces_get_distinct_addresses_inside_their_subnet_and_are_released_by_owner()
    {
        var ec2 = SeededEc2();

        var enis = Enumerable.Range(0, 20).Select(_ => ec2.AllocateNetworkInterface(SandboxSeed.DefaultRegion, SandboxSeed.AccountId,
            SandboxSeed.SubnetAId, [SandboxSeed.DefaultSecurityGroupId], "ELB app/alb/1", "interface", "amazon-elb", "alb-1", DateTimeOffset.UnixEpoch)).ToList();

        Assert.Equal(20, enis.Select(e => e.PrivateIpAddress).Distinct().Count());
        Assert.All(enis, e => Assert.True(Ipv4Cidr.Parse(SandboxSeed.SubnetACidr).Contains(e.PrivateIpAddress)));
        Assert.Equal(20, ec2.ReleaseNetworkInterfacesOf("alb-1"));
        Assert.Empty(ec2.NetworkInterfaces);
    }

    [Fact]
    public void The_cloudfront_service_group_is_created_once_per_vpc_and_deleted_when_nothing_references_it()
    {
        var ec2 = SeededEc2();
        var first = ec2.EnsureCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.AccountId, SandboxSeed.VpcId, DateTimeOffset.UnixEpoch);
        var again = ec2.EnsureCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.AccountId, SandboxSeed.VpcId, DateTimeOffset.UnixEpoch);

        Assert.Same(first, again);
        Assert.Equal(Ec2State.CloudFrontVpcOriginsSecurityGroupName, first.GroupName);
        Assert.Equal("enabled", first.Tag(Ec2State.CloudFrontVpcOriginTagKey));
        Assert.True(ec2.DeleteCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.VpcId));
        Assert.Null(ec2.FindCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.VpcId));
    }

    [Fact]
    public void CloudFront_cannot_delete_its_service_group_while_another_groups_rule_references_it_and_the_group_stays_marked()
    {
        var ec2 = SeededEc2();
        var cloudFront = ec2.EnsureCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.AccountId, SandboxSeed.VpcId, DateTimeOffset.UnixEpoch);
        var alb = ec2.AddSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.AccountId, SandboxSeed.VpcId, "alb", "alb", DateTimeOffset.UnixEpoch);
        alb.Rules.Add(new Ec2SecurityGroupRule { RuleId = "sgr-1", IpProtocol = "tcp", FromPort = 443, ToPort = 443, ReferencedGroupId = cloudFront.Id });

        Assert.False(ec2.DeleteCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.VpcId));

        Assert.Same(cloudFront, ec2.FindCloudFrontVpcOriginsSecurityGroup(SandboxSeed.DefaultRegion, SandboxSeed.VpcId));
        Assert.Contains(alb.Rules, r => r.ReferencedGroupId == cloudFront.Id);
        Assert.Equal($"DependencyViolation: resource {cloudFront.Id} has a dependent object", cloudFront.Describe(DateTimeOffset.UnixEpoch)["serviceCleanupError"]);
    }

    [Fact]
    public void A_vpc_endpoint_is_pending_until_ready_and_deleting_until_its_delete_lifecycle_ends()
    {
        var created = DateTimeOffset.UnixEpoch;
        var endpoint = new Ec2VpcEndpoint { CreatedAt = created, ReadyAt = created.AddMinutes(2) };

        Assert.Equal("pending", endpoint.State(created.AddMinutes(1)));
        Assert.Equal("available", endpoint.State(created.AddMinutes(2)));
        endpoint.DeletedAt = created.AddMinutes(4);
        Assert.Equal("deleting", endpoint.State(created.AddMinutes(3)));
        Assert.Equal("deleted", endpoint.State(created.AddMinutes(4)));
    }

    [Theory]
    [InlineData("*.demo.example.com", "api.demo.example.com", true)]
    [InlineData("*.demo.example.com", "a.b.demo.example.com", false)]
    [InlineData("*.demo.example.com", "demo.example.com", false)]
    [InlineData("demo.example.com", "DEMO.example.com.", true)]
    public void Certificate_names_cover_host_names_as_tls_matches_them(string certificateName, string host, bool covered) =>
        Assert.Equal(covered, AcmCertificate.NameMatches(certificateName, host));

    [Fact]
    public void An_issued_certificate_reads_as_expired_after_NotAfter()
    {
        var certificate = new AcmCertificate { Status = "ISSUED", NotAfter = DateTimeOffset.UnixEpoch.AddDays(10) };

        Assert.Equal("ISSUED", certificate.StatusAt(DateTimeOffset.UnixEpoch));
        Assert.Equal("EXPIRED", certificate.StatusAt(DateTimeOffset.UnixEpoch.AddDays(11)));
    }

    [Theory]
    [InlineData("/hostedzone/Z123", "Z123")]
    [InlineData("Z123", "Z123")]
    public void Hosted_zone_ids_are_accepted_bare_or_prefixed(string id, string bare) =>
        Assert.Equal(bare, Route53State.BareZoneId(id));

    [Theory]
    [InlineData("API.Demo.Example.com", "api.demo.example.com.")]
    [InlineData("\\052.demo.example.com.", "*.demo.example.com.")]
    public void Record_names_are_normalized_to_lower_case_fqdns(string name, string normalized) =>
        Assert.Equal(normalized, Route53State.NormalizeName(name));

    [Fact]
    public void World_state_is_only_reachable_inside_Read_or_Write()
    {
        var world = World(new SandboxOptions { LatencyProfile = "instant" });

        Assert.Throws<InvalidOperationException>(() => world.Part<Ec2State>());
        Assert.Equal(3, world.Read(w => w.Part<Ec2State>().Vpcs.Count));
    }

    [Fact]
    public void The_world_persists_every_write_and_loads_it_back()
    {
        var file = Path.Combine(Path.GetTempPath(), $"world-{Guid.NewGuid():N}.json");
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var options = new SandboxOptions { LatencyProfile = "realistic", StateFile = file, TimeProvider = clock };
            var first = World(options);
            first.Write(w => w.Part<Route53State>().Changes.Add(new Route53Change { Id = "C1", SubmittedAt = w.Now, InsyncAt = w.Now + w.Latency.Of(SandboxLifecycles.Route53Change) }));

            var second = World(options);

            Assert.Equal("PENDING", second.Read(w => w.Part<Route53State>().Changes.Single().Status(w.Now)));
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal("INSYNC", second.Read(w => w.Part<Route53State>().Changes.Single().Status(w.Now)));
            Assert.Contains(second.Inventory(), i => i.Id == SandboxSeed.VpcId && i.Seeded);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Extra_demo_subnets_are_seeded_in_the_demo_vpc_with_consecutive_ones_in_different_zones()
    {
        var wrapped = Options.Create(new SandboxOptions { LatencyProfile = "instant", ExtraDemoSubnets = 4 });
        var world = new SandboxWorld(wrapped, new SandboxLatency(wrapped), [new Ec2Seeder(wrapped), new AcmSeeder(), new Route53Seeder()]);

        var extra = world.Read(w => w.Part<Ec2State>().Subnets.Where(s => s.Id.StartsWith("subnet-0d3e00000000e", StringComparison.Ordinal)).ToList());

        Assert.Equal(4, extra.Count);
        Assert.All(extra, s => Assert.Equal(SandboxSeed.VpcId, s.VpcId));
        Assert.Equal(SandboxSeed.ExtraSubnetCidr(1), extra.Single(s => s.Id == SandboxSeed.ExtraSubnetId(1)).CidrBlock);
        Assert.NotEqual(
            extra.Single(s => s.Id == SandboxSeed.ExtraSubnetId(1)).AvailabilityZone,
            extra.Single(s => s.Id == SandboxSeed.ExtraSubnetId(2)).AvailabilityZone);
        Assert.Equal(SandboxSeed.SubnetIds.Count, SeededEc2().Subnets.Count(s => s.VpcId == SandboxSeed.VpcId));
    }

    private static Ec2State SeededEc2() =>
        World(new SandboxOptions { LatencyProfile = "instant" }).Read(w =>
        {
            var ec2 = w.Part<Ec2State>();
            ec2.NetworkInterfaces.Clear();
            return ec2;
        });

    private static SandboxWorld World(SandboxOptions options)
    {
        var wrapped = Options.Create(options);
        return new SandboxWorld(wrapped, new SandboxLatency(wrapped), [new Ec2Seeder(), new AcmSeeder(), new Route53Seeder()]);
    }
}
