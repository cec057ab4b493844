using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.UnitTests.Features.DeploymentForm;

public sealed class AwsAccountFieldsTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/EdgeDeployer")]
    [InlineData("arn:aws:iam::123456789012:role/teams/payments/edge-deployer")]
    [InlineData("arn:aws-cn:iam::123456789012:role/a+b=c,d.e@f_g-h")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/x")]
    public void A_role_arn_of_any_partition_is_accepted(string arn) =>
        Assert.Null(DeploymentFormValidator.AssumeRoleArn(arn));

    [Theory]
    [InlineData("arn:aws:iam::12345678901:role/x", "12 digits")]
    [InlineData("arn:aws:iam::123456789012:user/x", "user instead of role")]
    [InlineData("arn:aws:sts::123456789012:role/x", "wrong service")]
    [InlineData("arn:aws:iam:us-east-1:123456789012:role/x", "IAM ARNs have no region")]
    [InlineData("arn:azure:iam::123456789012:role/x", "unknown partition")]
    [InlineData("arn:aws:iam::123456789012:role/", "no name")]
    [InlineData("arn:aws:iam::123456789012:role/<script>", "markup")]
    [InlineData("arn:aws:iam::123456789012:role/has space", "space")]
    public void A_malformed_role_arn_is_refused_with_the_expected_shape(string arn, string why)
    {
        var error = DeploymentFormValidator.AssumeRoleArn(arn);

        Assert.NotNull(error);
        Assert.True(error.Contains("arn:<partition>:iam::", StringComparison.Ordinal) || error.Contains("Markup", StringComparison.Ordinal), why);
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("team:payments/env=prod,x.y@z-1_2+3", true)]
    [InlineData("a", false)]
    [InlineData("has space", false)]
    [InlineData("quote\"", false)]
    public void An_external_id_has_2_to_1224_allowed_characters(string externalId, bool valid) =>
        Assert.Equal(valid, DeploymentFormValidator.AssumeRoleExternalId(externalId, "arn:aws:iam::123456789012:role/x") is null);

    [Fact]
    public void An_external_id_longer_than_1224_characters_or_without_a_role_is_refused()
    {
        Assert.Null(DeploymentFormValidator.AssumeRoleExternalId(new string('x', 1224), "arn:aws:iam::123456789012:role/x"));
        Assert.NotNull(DeploymentFormValidator.AssumeRoleExternalId(new string('x', 1225), "arn:aws:iam::123456789012:role/x"));
        Assert.Contains("only used with a role", DeploymentFormValidator.AssumeRoleExternalId("abc", ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice", "pae-alice")]
    [InlineData("alice@example.com", "pae-alice@example.com")]
    [InlineData("Ann Müller/ops", "pae-Ann-M-ller-ops")]
    public void The_role_session_name_names_the_user_within_the_sts_pattern(string user, string expected) =>
        Assert.Equal(expected, RoleSessionNames.For(user));

    [Fact]
    public void A_long_user_id_is_cut_to_the_sts_limit_of_64()
    {
        var name = RoleSessionNames.For(new string('a', 200) + "@example.com");

        Assert.Equal(RoleSessionNames.MaxLength, name.Length);
        Assert.Matches("^[\\w+=,.@-]{2,64}$", name);
    }

    [Fact]
    public void The_session_of_a_request_assumes_its_role_with_the_external_id_in_the_actors_name()
    {
        var request = DeploymentRequests.Demo("x").InRegion("eu-west-1") with
        {
            AssumeRoleArn = "arn:aws:iam::123456789012:role/x",
            AssumeRoleExternalId = "ext-1",
        };
        var id = Guid.NewGuid();

        Assert.Equal(new AwsSession("eu-west-1", new AssumeRoleSettings("arn:aws:iam::123456789012:role/x", "ext-1", "pae-bob"), id), request.AwsSessionFor("bob", id));
        Assert.Null((request with { AssumeRoleArn = null }).AwsSessionFor("bob").AssumeRole);
    }
}
