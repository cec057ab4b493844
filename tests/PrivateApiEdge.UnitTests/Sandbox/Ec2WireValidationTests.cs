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

    [Theory]
    [InlineData("DescribeVpcs", "VpcId=")]
    [InlineData("DescribeSecurityGroups", "GroupId=")]
    [InlineData("DescribeSubnets", "Filter.1.Name=vpc-id&Filter.1.Value=")]
    [InlineData("CreateTags", "ResourceId.1=sg-1&Tag=")]
    [InlineData("AuthorizeSecurityGroupIngress", "GroupId=sg-1&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.Groups=")]
    public async Task An_empty_list_parameter_is_InvalidRequest_before_the_operation_runs(string action, string parameters)
    {
        using var sandbox = new InProcessSandbox();
        var pairs = parameters.Split('&').Select(p => p.Split('=')).Select(p => (p[0], p[1])).ToArray();

        var call = await sandbox.QueryAsync("ec2", SandboxSeed.DefaultRegion, action, "2016-11-15", pairs);

        Assert.Equal(400, call.Status);
        var error = XDocument.Parse(call.Body).Root!.Element("Errors")!.Element("Error")!;
        Assert.Equal(("InvalidRequest", "The request received was invalid."), (error.Element("Code")!.Value, error.Element("Message")!.Value));
    }

    // The sandbox's table of list parameters is the model's: every list member of every input it serves.
    [Fact]
    public void The_empty_list_check_knows_every_list_parameter_of_the_models_inputs()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AwsModels.AwsModel.ModelsDirectory(), "ec2", "service-2.json")));
        var shapes = document.RootElement.GetProperty("shapes");
        var operations = document.RootElement.GetProperty("operations");
        var served = new[]
        {
            "DescribeVpcs", "DescribeVpcAttribute", "ModifyVpcAttribute", "DescribeSubnets", "DescribeInternetGateways", "DescribeAvailabilityZones",
            "CreateSecurityGroup", "DescribeSecurityGroups", "DeleteSecurityGroup", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "DescribeSecurityGroupRules", "DescribeManagedPrefixLists",
            "GetManagedPrefixListEntries", "CreateVpcEndpoint", "DescribeVpcEndpoints", "DeleteVpcEndpoints", "DescribeNetworkInterfaces", "CreateTags", "DeleteTags",
        };
        foreach (var action in served)
        {
            var input = shapes.GetProperty(operations.GetProperty(action).GetProperty("input").GetProperty("shape").GetString()!);
            var lists = input.GetProperty("members").EnumerateObject()
                .Where(m => shapes.GetProperty(m.Value.GetProperty("shape").GetString()!).GetProperty("type").GetString() == "list")
                .Select(m => QueryName(m))
                .Order(StringComparer.Ordinal);
            var known = PrivateApiEdge.Sandbox.Services.Ec2.Ec2EmptyLists.ListPaths(action).Where(p => !p.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal);
            Assert.Equal(lists, known);
        }
    }

    // EC2's query name: queryName, else the capitalised locationName, else the member's name.
    private static string QueryName(System.Text.Json.JsonProperty member) =>
        member.Value.TryGetProperty("queryName", out var query) ? query.GetString()!
        : member.Value.TryGetProperty("locationName", out var location) ? char.ToUpperInvariant(location.GetString()![0]) + location.GetString()![1..]
        : member.Name;
}
