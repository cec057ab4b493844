using System.Net;
using System.Net.Http.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class SandboxFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_shot_throttle_fails_the_next_matching_call_with_the_services_own_code_and_then_clears()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var post = await control.PostAsJsonAsync("/_sandbox/faults", new { kind = "throttle", service = "ec2", operation = "DescribeVpcs", count = 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var throttled = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct));
        var next = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct);

        Assert.Equal("RequestLimitExceeded", throttled.ErrorCode);
        Assert.NotEmpty(next.Vpcs);
    }

    [Fact]
    public async Task Sts_throttling_uses_the_Throttling_code()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var sts = sandbox.Sts();
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Throttle, Service = "sts", Count = 1 });

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Ct));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Internal_error_and_unavailable_faults_answer_500_and_503()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.InternalError, Service = "ec2", Count = 1 });
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Unavailable, Service = "ec2", Count = 1 });

        var first = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest(), Ct));
        var second = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest(), Ct));

        Assert.Equal((HttpStatusCode.InternalServerError, "InternalError"), (first.StatusCode, first.ErrorCode));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unavailable"), (second.StatusCode, second.ErrorCode));
    }

    [Fact]
    public async Task A_connection_reset_fault_aborts_the_connection()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var acm = sandbox.Client("acm");
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.ConnectionReset, Service = "acm", Operation = "ListCertificates", Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => CertificateManagerTests.CallAsync(acm, "ListCertificates", []));
        var (status, _, _) = await CertificateManagerTests.CallAsync(acm, "ListCertificates", []);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_rate_of_one_fails_every_matching_call_and_a_rate_of_zero_none()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Unavailable, Service = "ec2", Operation = "DescribeVpcs", Rate = 1 });
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Throttle, Service = "ec2", Operation = "DescribeSubnets", Rate = 0 });

        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.NotEmpty((await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest(), Ct)).Subnets);
        }

        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var cleared = await control.DeleteAsync("/_sandbox/faults", Ct);
        Assert.NotEmpty((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs);
    }

    [Fact]
    public async Task Delayed_consistency_hides_a_new_security_group_from_Describe_until_the_delay_passes()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.DelayedConsistency, Service = "ec2", Operation = "CreateSecurityGroup", Count = 1, DelayMs = 1500 });

        var created = await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "eventually");
        var early = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [created.GroupId] }, Ct));
        Assert.Equal("InvalidGroup.NotFound", early.ErrorCode);

        await Eventually.HoldsAsync(
            async () =>
            {
                var found = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-id", [created.GroupId])] }, Ct);
                return found.SecurityGroups?.Count == 1;
            },
            "the delayed security group to become visible to Describe");

        // One-shot: the next group is visible at once.
        var second = await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "immediately");
        Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [second.GroupId] }, Ct)).SecurityGroups);
    }

    [Fact]
    public async Task Faults_configured_in_options_are_active_from_the_start()
    {
        var options = new PrivateApiEdge.Sandbox.SandboxOptions { LatencyProfile = "instant" };
        options.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Throttle, Service = "ec2", Operation = "DescribeAvailabilityZones", Rate = 1 });
        await using var sandbox = await SandboxFixture.StartAsync(options);
        using var ec2 = sandbox.Ec2();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct));

        Assert.Equal("RequestLimitExceeded", error.ErrorCode);
        Assert.Equal(SandboxSeed.VpcId, (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [SandboxSeed.VpcId] }, Ct)).Vpcs[0].VpcId);
    }

    [Fact]
    public async Task An_unknown_fault_kind_is_rejected_by_the_control_endpoint()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };

        using var response = await control.PostAsJsonAsync("/_sandbox/faults", new { kind = "meteor-strike" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
