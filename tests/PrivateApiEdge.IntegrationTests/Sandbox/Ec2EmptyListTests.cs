using System.Net;
using Amazon.EC2.Model;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

// EC2's query protocol never serialises an empty list, and EC2 refuses a request that carries one ("VpcId=",
// "Filter=") with 400 InvalidRequest "The request received was invalid." (smithy-lang/smithy#2269,
// aws-sdk-js-v3#6119). The sandbox answers such requests as EC2 does, whichever operation they go to.
public sealed class Ec2EmptyListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_id_list_from_the_sdk_is_refused_with_InvalidRequest()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [] }, Ct));

        Assert.Equal(("InvalidRequest", "The request received was invalid.", HttpStatusCode.BadRequest), (error.ErrorCode, error.Message, error.StatusCode));
    }

    [Fact]
    public async Task A_filter_with_an_empty_value_list_is_refused_with_InvalidRequest()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() =>
            ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [])] }, Ct));

        Assert.Equal("InvalidRequest", error.ErrorCode);
    }

    [Theory]
    [InlineData("DescribeSecurityGroups", "GroupId=")]
    [InlineData("DescribeVpcEndpoints", "VpcEndpointId=")]
    [InlineData("DescribeInternetGateways", "InternetGatewayId=")]
    [InlineData("DescribeVpcs", "Filter=")]
    [InlineData("RevokeSecurityGroupEgress", "GroupId=sg-0000000000000000a&IpPermissions=")]
    public async Task A_bare_empty_list_parameter_on_the_wire_is_refused_before_anything_else(string action, string parameters)
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var http = sandbox.Client("ec2");
        using var content = new StringContent($"Action={action}&{parameters}&Version=2016-11-15", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(new Uri("/", UriKind.Relative), content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidRequest</Code>", body, StringComparison.Ordinal);
        Assert.Contains("<Message>The request received was invalid.</Message>", body, StringComparison.Ordinal);
    }
}
