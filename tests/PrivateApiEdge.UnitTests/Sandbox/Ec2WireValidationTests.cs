using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.UnitTests.Sandbox;

/// <summary>Checks the SDK would make client-side but hand-written clients (and the portal's own) rely on the service for.</summary>
public sealed class Ec2WireValidationTests
{
    [Theory]
    [InlineData("DescribeSecurityGroups", "1", "Value ( 1 ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.")]
    [InlineData("DescribeManagedPrefixLists", "101", "Value ( 101 ) for parameter maxResults is invalid. Parameter must be between 1 and 100.")]
    public async Task MaxResults_outside_the_models_range_is_InvalidParameterValue(string action, string maxResults, string message)
    {
        using var sandbox = new InProcessSandbox();

        var call = await sandbox.QueryAsync("ec2", SandboxSeed.DefaultRegion, action, "2016-11-15", ("MaxResults", maxResults));

        Assert.Equal(400, call.Status);
        var error = XDocument.Parse(call.Body).Root!.Element("Errors")!.Element("Error")!;
        Assert.Equal(("InvalidParameterValue", message), (error.Element("Code")!.Value, error.Element("Message")!.Value));
    }

    [Fact]
    public async Task An_unknown_action_is_InvalidAction()
    {
        using var sandbox = new InProcessSandbox();

        var call = await sandbox.QueryAsync("ec2", SandboxSeed.DefaultRegion, "RunInstances", "2016-11-15");

        Assert.Equal(400, call.Status);
        Assert.Equal("InvalidAction", XDocument.Parse(call.Body).Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value);
    }

    [Fact]
    public async Task DescribeVpcEndpoints_caps_a_large_MaxResults_instead_of_failing()
    {
        using var sandbox = new InProcessSandbox();

        var call = await sandbox.QueryAsync("ec2", SandboxSeed.DefaultRegion, "DescribeVpcEndpoints", "2016-11-15", ("MaxResults", "5000"));

        Assert.Equal(200, call.Status);
    }
}
