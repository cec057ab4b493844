using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class OutputKeysTests
{
    [Fact]
    public void Outputs_saved_under_former_key_names_read_under_the_current_ones()
    {
        // Arrange: a private-api step and a vpc-endpoint step as saved before the keys said what they hold.
        var stored = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DeploymentId"] = "abc123",
            ["Reused"] = "true",
            ["DeleteRequested"] = "true",
            [OutputKeys.RestApiId] = "r1",
        };

        // Act
        var current = OutputKeys.UnderCurrentNames(stored);

        // Assert
        Assert.Equal("abc123", current[OutputKeys.ApiDeploymentId]);
        Assert.Equal("true", current[OutputKeys.VpcEndpointReused]);
        Assert.Equal("true", current[OutputKeys.LoadBalancerDeleteRequested]);
        Assert.Equal("r1", current[OutputKeys.RestApiId]);
        Assert.DoesNotContain("DeploymentId", current.Keys);
        Assert.Equal(4, current.Count);
    }
}
