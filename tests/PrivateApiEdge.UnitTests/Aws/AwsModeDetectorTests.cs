using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.UnitTests.Aws;

public sealed class AwsModeDetectorTests
{
    [Theory]
    [InlineData(AwsMode.Sandbox)]
    [InlineData(AwsMode.Aws)]
    public void An_explicit_mode_wins_over_every_signal(AwsMode configured)
    {
        var mode = AwsModeDetector.Resolve(configured, _ => "set");

        Assert.Equal(configured, mode);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_PROFILE")]
    [InlineData("AWS_ENDPOINT_URL")]
    public void Auto_means_aws_when_a_credential_or_endpoint_signal_is_present(string variable)
    {
        var mode = AwsModeDetector.Resolve(AwsMode.Auto, name => name == variable ? "x" : null);

        Assert.Equal(AwsMode.Aws, mode);
    }
}
