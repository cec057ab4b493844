using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.UnitTests.Features.Preflight;

public sealed class PreflightRulesTests
{
    [Fact]
    public void A_sound_request_passes_every_check()
    {
        var report = PreflightEvaluator.Evaluate(Request(), GoodFacts());

        Assert.True(report.Passed, report.Summary());
        Assert.Empty(report.Warnings);
        Assert.Contains(report.Findings, f => f.Check == "caller-identity");
    }

    [Fact]
    public void An_unknown_caller_fails_with_the_lookup_error()
    {
        var facts = GoodFacts() with { Caller = null, LookupErrors = new Dictionary<string, string> { ["caller-identity"] = "ExpiredToken" } };

        var failure = SingleFailure(Request(), facts);

        Assert.Equal("caller-identity", failure.Check);
        Assert.Contains("ExpiredToken", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, true, "vpc-dns-support")]
    [InlineData(true, false, true, "vpc-dns-hostnames")]
    [InlineData(true, true, false, "vpc-internet-gateway")]
    public void A_vpc_without_dns_attributes_or_internet_gateway_fails_with_a_fix(bool dnsSupport, bool dnsHostnames, bool igw, string check)
    {
        var facts = GoodFacts() with { Vpc = new VpcFact("vpc-1", dnsSupport, dnsHostnames, igw) };

        var failure = SingleFailure(Request(), facts);

        Assert.Equal(check, failure.Check);
        Assert.False(string.IsNullOrWhiteSpace(failure.FixHint));
    }

    [Fact]
    public void Subnets_in_one_zone_fail()
    {
        var facts = GoodFacts() with { Subnets = [new SubnetFact("subnet-a", "vpc-1", "eu-west-1a"), new SubnetFact("subnet-b", "vpc-1", "eu-west-1a")] };

        var failure = SingleFailure(Request(), facts);

        Assert.Contains("two zones", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subnet_of_another_vpc_fails()
    {
        var facts = GoodFacts() with { Subnets = [new SubnetFact("subnet-a", "vpc-1", "eu-west-1a"), new SubnetFact("subnet-b", "vpc-9", "eu-west-1b")] };

        var report = PreflightEvaluator.Evaluate(Request(), facts);

        Assert.Contains(report.Failures, f => f.Message.Contains("not in VPC vpc-1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_subnet_fails()
    {
        var facts = GoodFacts() with { Subnets = [new SubnetFact("subnet-a", "vpc-1", "eu-west-1a")] };

        var report = PreflightEvaluator.Evaluate(Request(), facts);

        Assert.Contains(report.Failures, f => f.Message.Contains("not found: subnet-b", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cloudfront_certificate_outside_us_east_1_fails()
    {
        var facts = GoodFacts() with { CloudFrontCertificate = Certificate("eu-west-1", "ISSUED", "*.example.com") };

        var failure = SingleFailure(Request(), facts);

        Assert.Equal("cloudfront-certificate", failure.Check);
        Assert.Contains("us-east-1", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EXPIRED")]
    [InlineData("PENDING_VALIDATION")]
    public void A_certificate_that_is_not_issued_fails(string status)
    {
        var facts = GoodFacts() with { RegionalCertificate = Certificate("eu-west-1", status, "*.example.com") };

        var failure = SingleFailure(Request(), facts);

        Assert.Equal("regional-certificate", failure.Check);
        Assert.Contains(status, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_certificate_does_not_cover_a_name_two_labels_down()
    {
        var request = Request() with { DomainName = "v1.api.example.com" };

        var report = PreflightEvaluator.Evaluate(request, GoodFacts());

        Assert.Equal(2, report.Failures.Count(f => f.Message.Contains("not v1.api.example.com", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_private_hosted_zone_fails()
    {
        var facts = GoodFacts() with { HostedZone = new HostedZoneFact("Z1", "example.com.", IsPrivate: true) };

        Assert.Equal("hosted-zone", SingleFailure(Request(), facts).Check);
    }

    [Fact]
    public void A_closer_delegated_zone_fails_and_names_it()
    {
        var facts = GoodFacts() with
        {
            CandidateZones = [new HostedZoneFact("Z1", "example.com.", false), new HostedZoneFact("Z2", "orders.example.com.", false)],
        };

        var failure = SingleFailure(Request(), facts);

        Assert.Contains("Z2", failure.FixHint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_used_by_another_distribution_fails()
    {
        var facts = GoodFacts() with { DistributionsWithAlias = ["E2OTHER"] };

        var failure = SingleFailure(Request(), facts);

        Assert.Contains("E2OTHER", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_record_fails_unless_the_user_accepts_overwriting_it()
    {
        var facts = GoodFacts() with { ExistingRecords = [new RecordFact("A", "192.0.2.1")] };

        var refused = PreflightEvaluator.Evaluate(Request(), facts);
        var accepted = PreflightEvaluator.Evaluate(Request() with { AllowRecordOverwrite = true }, facts);

        Assert.Contains(refused.Failures, f => f.Check == "dns-record");
        Assert.True(accepted.Passed);
        Assert.Contains(accepted.Warnings, f => f.Check == "dns-record");
    }

    [Fact]
    public void A_cname_at_the_name_fails_even_when_overwriting_is_accepted()
    {
        var facts = GoodFacts() with { ExistingRecords = [new RecordFact("CNAME", "legacy.example.net")] };

        var report = PreflightEvaluator.Evaluate(Request() with { AllowRecordOverwrite = true }, facts);

        Assert.Contains(report.Failures, f => f.Check == "dns-record");
    }

    [Fact]
    public void An_existing_private_dns_endpoint_is_detected_for_reuse()
    {
        var facts = GoodFacts() with { ExecuteApiEndpoints = [new VpcEndpointFact("vpce-0old", "available", PrivateDnsEnabled: true)] };

        var report = PreflightEvaluator.Evaluate(Request(), facts);

        Assert.True(report.Passed);
        Assert.Equal("vpce-0old", PreflightEvaluator.EndpointToReuse(Request(), facts)?.VpcEndpointId);
        Assert.Contains(report.Findings, f => f.Check == "execute-api-endpoint" && f.Message.Contains("reused", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chosen_endpoint_that_is_not_in_the_vpc_fails()
    {
        var request = Request() with { ExistingVpcEndpointId = "vpce-0missing" };

        Assert.Equal("execute-api-endpoint", SingleFailure(request, GoodFacts()).Check);
    }

    [Fact]
    public void An_existing_api_must_be_private_and_have_the_stage()
    {
        var request = Request() with { ExistingApi = new ExistingApi("a1b2c3", "live") };

        var notPrivate = PreflightEvaluator.Evaluate(request, GoodFacts() with { ExistingApi = new ExistingApiFact("a1b2c3", false, true, []) });
        var noStage = PreflightEvaluator.Evaluate(request, GoodFacts() with { ExistingApi = new ExistingApiFact("a1b2c3", true, false, []) });
        var good = PreflightEvaluator.Evaluate(request, GoodFacts() with { ExistingApi = new ExistingApiFact("a1b2c3", true, true, []) });

        Assert.Contains(notPrivate.Failures, f => f.Message.Contains("not PRIVATE", StringComparison.Ordinal));
        Assert.Contains(noStage.Failures, f => f.Message.Contains("no stage 'live'", StringComparison.Ordinal));
        Assert.True(good.Passed);
    }

    [Fact]
    public void A_name_that_makes_the_load_balancer_name_too_long_fails_with_how_much_to_cut()
    {
        var request = Request() with { Name = "a-very-long-deployment-name" };

        var report = PreflightEvaluator.Evaluate(request, GoodFacts());

        Assert.Contains(report.Failures, f => f.Message.Contains("load balancer name", StringComparison.Ordinal) && f.FixHint!.Contains("by 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_collision_fails()
    {
        var facts = GoodFacts() with { NameCollisions = [new NameCollision("load balancer", "pae-orders-alb")] };

        Assert.Contains("pae-orders-alb", SingleFailure(Request(), facts).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_geo_restriction_passes_preflight_now_that_the_distribution_applies_it()
    {
        var request = Request() with { GeoRestriction = new GeoRestriction(GeoRestrictionType.Allow, ["DE", "FR"]) };

        var report = PreflightEvaluator.Evaluate(request, GoodFacts());

        Assert.True(report.Passed, string.Join("; ", report.Failures.Select(f => f.Message)));
    }

    private static PreflightFinding SingleFailure(DeploymentRequest request, PreflightFacts facts)
    {
        var report = PreflightEvaluator.Evaluate(request, facts);
        Assert.False(report.Passed);
        return Assert.Single(report.Failures);
    }

    /// <summary>The demo request, pointed at the VPC, subnets and zone <see cref="GoodFacts"/> describes.</summary>
    private static DeploymentRequest Request() => DeploymentRequests.Demo().InRegion("eu-west-1") with
    {
        DomainName = "orders.example.com",
        VpcId = "vpc-1",
        SubnetIds = ["subnet-a", "subnet-b"],
        HostedZoneId = "Z1",
    };

    private static CertificateFact Certificate(string region, string status, params string[] names) =>
        new($"arn:aws:acm:{region}:111122223333:certificate/x", region, status, names, null);

    private static PreflightFacts GoodFacts() => new()
    {
        Caller = new CallerFact("111122223333", "arn:aws:iam::111122223333:user/alice"),
        Vpc = new VpcFact("vpc-1", true, true, true),
        Subnets = [new SubnetFact("subnet-a", "vpc-1", "eu-west-1a"), new SubnetFact("subnet-b", "vpc-1", "eu-west-1b")],
        CloudFrontCertificate = Certificate("us-east-1", "ISSUED", "*.example.com"),
        RegionalCertificate = Certificate("eu-west-1", "ISSUED", "example.com", "*.example.com"),
        HostedZone = new HostedZoneFact("Z1", "example.com.", false),
        CandidateZones = [new HostedZoneFact("Z1", "example.com.", false)],
    };
}
