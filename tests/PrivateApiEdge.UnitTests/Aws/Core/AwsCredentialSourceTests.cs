using Amazon.Runtime;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsCredentialSourceTests
{
    [Fact]
    public void The_sandbox_gets_fixed_dummy_credentials_without_a_role()
    {
        var source = new AwsCredentialSource(new CurrentAwsMode { Mode = AwsMode.Sandbox });

        var credentials = source.GetCredentials(new AwsSession("eu-west-1"));

        Assert.Equal(AwsCredentialSource.SandboxAccessKeyId, credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void In_the_sandbox_a_requested_role_is_assumed_through_its_sts_lazily_and_once_per_role()
    {
        // AssumeRoleProvisioningTests runs a deployment through it end to end; here: nothing is called on creation.
        var source = new AwsCredentialSource(new CurrentAwsMode { Mode = AwsMode.Sandbox });
        var role = new AssumeRoleSettings("arn:aws:iam::123456789012:role/r", "ext", "pae-1");

        var first = source.GetCredentials(new AwsSession("eu-west-1", role));
        var again = source.GetCredentials(new AwsSession("eu-west-1", role with { }));

        Assert.IsAssignableFrom<RefreshingAWSCredentials>(first);
        Assert.Same(first, again);
    }

    [Fact]
    public void Without_a_role_the_default_chain_is_used_and_not_resolved_yet()
    {
        var source = new AwsCredentialSource(new CurrentAwsMode { Mode = AwsMode.Aws });

        var first = source.GetCredentials(new AwsSession("eu-west-1"));
        var second = source.GetCredentials(new AwsSession("us-east-1", DeploymentId: Guid.NewGuid()));

        // Same lazily-resolving object for every session: building clients must not probe the chain.
        Assert.Same(first, second);
        Assert.IsNotType<BasicAWSCredentials>(first);
    }

    [Fact]
    public void A_role_is_assumed_from_the_default_chain_once_per_role_external_id_and_session_name()
    {
        var source = new AwsCredentialSource(new CurrentAwsMode { Mode = AwsMode.Aws });
        var role = new AssumeRoleSettings("arn:aws:iam::123456789012:role/pae-deployer", "tenant-7", "pae-dep-1");

        var first = Assert.IsType<AssumeRoleAWSCredentials>(source.GetCredentials(new AwsSession("eu-west-1", role)));
        var again = source.GetCredentials(new AwsSession("eu-central-1", role with { }));
        var other = source.GetCredentials(new AwsSession("eu-west-1", role with { SessionName = "pae-dep-2" }));

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(("arn:aws:iam::123456789012:role/pae-deployer", "pae-dep-1", "tenant-7"), (first.RoleArn, first.RoleSessionName, first.Options.ExternalId));
        Assert.Same(source.GetCredentials(new AwsSession("eu-west-1")), first.SourceCredentials);
    }
}
