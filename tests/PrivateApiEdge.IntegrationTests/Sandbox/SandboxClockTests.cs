using System.Net.Http.Json;
using System.Text.Json;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

/// <summary>Lifecycles follow the sandbox's TimeProvider, so the realistic profile is testable without waiting minutes.</summary>
public sealed class SandboxClockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Under_the_realistic_profile_an_endpoint_is_available_two_minutes_after_creation_and_gone_a_minute_after_deletion()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync(new SandboxOptions { LatencyProfile = "realistic", TimeProvider = clock });
        using var ec2 = sandbox.Ec2();
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };

        var created = await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = SandboxSeed.VpcId,
            ServiceName = "com.amazonaws.eu-west-1.execute-api",
            VpcEndpointType = Amazon.EC2.VpcEndpointType.Interface,
            SubnetIds = [SandboxSeed.SubnetAId],
        }, Ct);
        var id = created.VpcEndpoint.VpcEndpointId;

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(Amazon.EC2.State.Pending, (await DescribeAsync(ec2, id)).State);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Amazon.EC2.State.Available, (await DescribeAsync(ec2, id)).State);

        await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [id] }, Ct);
        Assert.Equal(Amazon.EC2.State.Deleting, (await DescribeAsync(ec2, id)).State);
        Assert.Contains(id, await UnseededIdsAsync(control));
        clock.Advance(TimeSpan.FromMinutes(1));
        var gone = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("vpc-endpoint-id", [id])] }, Ct);
        Assert.Empty(gone.VpcEndpoints ?? []);
        Assert.DoesNotContain(id, await UnseededIdsAsync(control));
    }

    private static async Task<VpcEndpoint> DescribeAsync(Amazon.EC2.AmazonEC2Client ec2, string id) =>
        Assert.Single((await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] }, Ct)).VpcEndpoints);

    private static async Task<List<string?>> UnseededIdsAsync(HttpClient control)
    {
        var document = await control.GetFromJsonAsync<JsonElement>("/_sandbox/inventory?seeded=false", Ct);
        return [.. document.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString())];
    }
}
