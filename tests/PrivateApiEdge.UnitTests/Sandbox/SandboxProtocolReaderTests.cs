using Microsoft.AspNetCore.Http;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;

namespace PrivateApiEdge.UnitTests.Sandbox;

public sealed class SandboxProtocolReaderTests
{
    [Fact]
    public void The_credential_scope_comes_from_the_authorization_header()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/eu-west-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc";

        var scope = SigV4CredentialScope.From(context.Request);

        Assert.Equal(new SigV4CredentialScope("AKIDEXAMPLE", "20250101", "eu-west-1", "ec2"), scope);
    }

    [Fact]
    public void A_presigned_url_carries_the_scope_in_X_Amz_Credential()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?X-Amz-Credential=AKID%2F20250101%2Fus-east-1%2Froute53%2Faws4_request&X-Amz-Signature=x");

        var scope = SigV4CredentialScope.From(context.Request);

        Assert.Equal("route53", scope?.Service);
        Assert.Equal("us-east-1", scope?.Region);
    }

    [Theory]
    [InlineData("AKID/20250101/us-east-1/ec2")]
    [InlineData("AKID/20250101/us-east-1/ec2/aws5_request")]
    [InlineData("AKID//us-east-1/ec2/aws4_request")]
    public void A_malformed_credential_has_no_scope(string credential) =>
        Assert.Null(SigV4CredentialScope.Parse(credential));

    [Fact]
    public void Query_parameters_read_flattened_ec2_lists_and_nested_structures()
    {
        var form = new QueryParameters(new Dictionary<string, string>
        {
            ["SubnetId.1"] = "subnet-a",
            ["SubnetId.2"] = "subnet-b",
            ["Filter.1.Name"] = "vpc-id",
            ["Filter.1.Value.1"] = "vpc-1",
            ["Filter.1.Value.2"] = "vpc-2",
            ["Filter.2.Name"] = "tag:team",
            ["Filter.2.Value.1"] = "edge",
            ["Tags.member.1.Key"] = "k",
            ["Tags.member.1.Value"] = "v",
            ["MaxResults"] = "5",
        });

        Assert.Equal(["subnet-a", "subnet-b"], form.List("SubnetId"));
        var filters = form.StructList("Filter");
        Assert.Equal(["vpc-id", "tag:team"], filters.Select(f => f["Name"]));
        Assert.Equal(["vpc-1", "vpc-2"], filters[0].List("Value"));
        Assert.Equal("v", Assert.Single(form.MemberStructList("Tags"))["Value"]);
        Assert.Equal(5, form.Number("MaxResults"));
        Assert.Null(form["Missing"]);
    }

    [Fact]
    public void A_missing_required_parameter_is_the_MissingParameter_error()
    {
        var form = new QueryParameters(new Dictionary<string, string>());

        var error = Assert.Throws<SandboxServiceException>(() => form.Required("VpcId"));

        Assert.Equal("MissingParameter", error.Code);
    }
}
