using System.Net;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class StsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCallerIdentity_answers_the_seeded_account_for_any_credentials()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var sts = sandbox.Sts();

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), Ct);

        Assert.Equal(SandboxSeed.AccountId, identity.Account);
        Assert.StartsWith($"arn:aws:iam::{SandboxSeed.AccountId}:", identity.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_into_a_role_of_the_account_returns_temporary_credentials()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var sts = sandbox.Sts();

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{SandboxSeed.AccountId}:role/deployer",
            RoleSessionName = "portal-deployment",
        }, Ct);

        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Credentials.SecretAccessKey));
        Assert.False(string.IsNullOrEmpty(response.Credentials.SessionToken));
        Assert.True(response.Credentials.Expiration > DateTime.UtcNow);
        Assert.Equal($"arn:aws:sts::{SandboxSeed.AccountId}:assumed-role/deployer/portal-deployment", response.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task AssumeRole_into_another_account_is_denied()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var sts = sandbox.Sts();

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{SandboxSeed.OtherAccountId}:role/deployer",
            RoleSessionName = "portal-deployment",
        }, Ct));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
