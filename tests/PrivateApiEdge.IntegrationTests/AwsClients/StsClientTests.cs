using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.Sts;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class StsClientTests
{
    [Fact]
    public async Task GetCallerIdentity_answers_the_demo_account()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var identity = await sandbox.Clients.Sts.GetCallerIdentityAsync(Ct);

        Assert.Equal(SandboxSeed.AccountId, identity.Account);
        Assert.StartsWith($"arn:aws:", identity.Arn, StringComparison.Ordinal);
        Assert.Contains(SandboxSeed.AccountId, identity.Arn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(identity.UserId));
    }

    [Fact]
    public async Task AssumeRole_in_the_own_account_returns_expiring_session_credentials()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var roleArn = $"arn:aws:iam::{SandboxSeed.AccountId}:role/PrivateApiEdgeDeployer";

        var assumed = await sandbox.Clients.Sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = "portal-test",
            ExternalId = "external-id",
            DurationSeconds = 900,
        }, Ct);

        Assert.Matches("^ASIA[A-Z0-9]{12,}$", assumed.Credentials.AccessKeyId);
        Assert.False(string.IsNullOrEmpty(assumed.Credentials.SecretAccessKey));
        Assert.False(string.IsNullOrEmpty(assumed.Credentials.SessionToken));
        Assert.InRange(assumed.Credentials.Expiration, DateTimeOffset.UtcNow.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Equal($"arn:aws:sts::{SandboxSeed.AccountId}:assumed-role/PrivateApiEdgeDeployer/portal-test", assumed.AssumedRoleArn);
        Assert.EndsWith(":portal-test", assumed.AssumedRoleId, StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.Credentials.SecretAccessKey, assumed.Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_into_another_account_fails_with_AccessDenied()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var ex = await ExpectErrorAsync(() => sandbox.Clients.Sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{SandboxSeed.OtherAccountId}:role/Deployer",
            RoleSessionName = "portal-test",
        }, Ct), "AccessDenied");

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }
}
