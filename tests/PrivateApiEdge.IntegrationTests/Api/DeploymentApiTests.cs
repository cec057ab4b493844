using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>A deployment's whole life through the API, with a Hangfire server provisioning against the sandbox.</summary>
public sealed class DeploymentApiTests : IClassFixture<ApiPortalWithJobsFactory>
{
    private readonly ApiPortalWithJobsFactory _portal;

    public DeploymentApiTests(ApiPortalWithJobsFactory portal) => _portal = portal;

    [Fact]
    public async Task Created_through_the_api_a_deployment_provisions_passes_its_endpoint_test_and_tears_down()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        var name = ApiPortalFactory.UniqueName("api");

        var created = await ApiClient.CreateAsync(client, DeploymentRequests.DemoBody(name));
        Assert.Equal(name, created.Name);
        Assert.Equal("alice", created.Owner);
        Assert.NotEmpty(created.Steps);

        var provisioned = await ApiClient.WaitForAsync(client, created.Id, ApiClient.IsFinished);
        Assert.True(provisioned.Status == DeploymentStatus.Succeeded, $"{provisioned.FailedStep}: {provisioned.Error}");
        Assert.All(provisioned.Steps, s =>
        {
            Assert.Equal(StepStatus.Succeeded, s.Status);
            Assert.True(s.Attempts >= 1, s.Name);
            Assert.NotNull(s.StartedAt);
            Assert.NotNull(s.FinishedAt);
        });
        Assert.Contains(provisioned.Resources, r => r.Kind.Contains("distribution", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(provisioned.Outputs, o => o.Key == "cloudfront-domain");

        using (var test = await client.PostAsync(new Uri($"/api/deployments/{created.Id}/endpoint-test", UriKind.Relative), null, ct))
        {
            await ApiClient.ExpectAsync(test, HttpStatusCode.OK);
            var result = await ApiClient.ReadAsync<EndpointTestDto>(test);
            Assert.True(result.Passed, $"{result.StatusCode} {result.FailingHop}: {result.Diagnosis}");
        }

        Assert.True((await ApiClient.GetAsync(client, created.Id)).LastEndpointTest?.Passed);

        using (var log = await client.GetAsync(new Uri($"/api/deployments/{created.Id}/log?max=1000", UriKind.Relative), ct))
        {
            await ApiClient.ExpectAsync(log, HttpStatusCode.OK);
            var lines = await ApiClient.ReadAsync<List<DeploymentLogEntryDto>>(log);
            Assert.Contains(lines, l => l.Message.Contains("Created by alice", StringComparison.Ordinal));
            Assert.Equal(lines.OrderBy(l => l.Id).Select(l => l.Id), lines.Select(l => l.Id));
        }

        using (var teardown = await client.PostAsync(new Uri($"/api/deployments/{created.Id}/teardown", UriKind.Relative), null, ct))
        {
            await ApiClient.ExpectAsync(teardown, HttpStatusCode.Accepted);
            Assert.Equal($"/api/deployments/{created.Id}", teardown.Headers.Location?.OriginalString);
        }

        var tornDown = await ApiClient.WaitForAsync(client, created.Id, d => d.Status is DeploymentStatus.TornDown or DeploymentStatus.TeardownFailed);
        Assert.Equal(DeploymentStatus.TornDown, tornDown.Status);
        Assert.Equal(DeploymentPhase.Teardown, tornDown.Phase);
        Assert.All(tornDown.Resources.Where(r => !r.Shared), r => Assert.True(r.Deleted, r.Id));

        using var again = await client.PostAsync(new Uri($"/api/deployments/{created.Id}/teardown", UriKind.Relative), null, ct);
        await ApiClient.ExpectAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("already torn down", (await ApiClient.ProblemAsync(again))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_and_tokens_never_reach_the_logs_while_a_cookie_authenticated_create_provisions_through_an_assumed_role()
    {
        var role = $"arn:aws:iam::{SandboxSeed.AccountId}:role/teams/payments-deployer";
        const string ExternalId = "carol-ext-0815";
        var cookie = _portal.AuthenticationCookie("carol", PortalRoles.Requester);
        using var client = _portal.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add(ApiCsrfFilter.HeaderName, "tests");
        var logged = _portal.Logs.Lines.Count;

        var created = await ApiClient.CreateAsync(client, DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("secret")) with
        {
            AssumeRoleArn = role,
            AssumeRoleExternalId = ExternalId,
        });
        var finished = await ApiClient.WaitForAsync(client, created.Id, ApiClient.IsFinished);
        using (await client.PostAsync(new Uri($"/api/deployments/{created.Id}/endpoint-test", UriKind.Relative), null, TestContext.Current.CancellationToken))
        {
        }

        var source = _portal.Services.GetRequiredService<IAwsCredentialSource>();
        var portalCredentials = await source.GetCredentials(new AwsSession(SandboxSeed.DefaultRegion)).GetCredentialsAsync();
        // The very session every call of the deployment signed with: the role, its external id, a session named after carol.
        var credentials = await source.GetCredentials(new AwsSession(SandboxSeed.DefaultRegion,
            new AssumeRoleSettings(role, ExternalId, RoleSessionNames.For("carol")), created.Id)).GetCredentialsAsync();
        Assert.StartsWith("ASIA", credentials.AccessKey, StringComparison.Ordinal);
        var secrets = new Dictionary<string, string>
        {
            ["portal secret access key"] = portalCredentials.SecretKey,
            ["session access key"] = credentials.AccessKey,
            ["session secret access key"] = credentials.SecretKey,
            ["external id"] = ExternalId,
            ["auth cookie"] = cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..],
            ["bootstrap token"] = _portal.BootstrapToken,
        };
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            secrets["AWS session token"] = credentials.Token;
        }

        var lines = _portal.Logs.Lines.Skip(logged).ToList();
        // The capture really covered the request and the provisioning: AWS calls were made and logged.
        Assert.Equal(DeploymentStatus.Succeeded, finished.Status);
        Assert.Contains(lines, l => l.Contains("/api/deployments", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(created.Id.ToString(), StringComparison.Ordinal));
        Assert.All(secrets, secret =>
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret.Value, StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(secret.Value[..Math.Min(24, secret.Value.Length)], StringComparison.Ordinal));
        });
        Assert.DoesNotContain(lines, l => l.Contains("Signature=", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("AWS4-HMAC-SHA256 Credential", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subnets_of_another_vpc_are_refused_by_preflight_naming_them_and_nothing_is_created()
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        var body = DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("foreign")) with
        {
            SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.VpcWithoutInternetGatewaySubnetAId],
        };
        var (jobs, deployments) = (_portal.EnqueuedJobs.Count, await _portal.DeploymentCountAsync());

        using var response = await ApiPortalFactory.PostJsonAsync(client, "/api/deployments", body);

        await ApiClient.ExpectAsync(response, (HttpStatusCode)422);
        var failed = (await ApiClient.ProblemAsync(response))["failedChecks"]!.AsArray();
        Assert.Contains(failed, f => f!["message"]!.GetValue<string>().Contains($"{SandboxSeed.VpcWithoutInternetGatewaySubnetAId} are not in VPC", StringComparison.Ordinal));
        Assert.Equal(jobs, _portal.EnqueuedJobs.Count);
        Assert.Equal(deployments, await _portal.DeploymentCountAsync());
    }

    [Fact]
    public async Task A_request_failing_preflight_is_refused_with_its_checks_and_fix_hints_and_nothing_is_created()
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        var body = DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("nodns")) with
        {
            VpcId = SandboxSeed.VpcWithoutDnsHostnamesId,
            SubnetIds = [SandboxSeed.VpcWithoutDnsHostnamesSubnetAId, SandboxSeed.VpcWithoutDnsHostnamesSubnetBId],
        };
        var (jobs, deployments) = (_portal.EnqueuedJobs.Count, await _portal.DeploymentCountAsync());

        using var response = await ApiPortalFactory.PostJsonAsync(client, "/api/deployments", body);

        await ApiClient.ExpectAsync(response, (HttpStatusCode)422);
        var problem = await ApiClient.ProblemAsync(response);
        var failed = problem["failedChecks"]!.AsArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, f => Assert.False(string.IsNullOrWhiteSpace(f!["fixHint"]?.GetValue<string>())));
        Assert.Contains(failed, f => f!["message"]!.GetValue<string>().Contains("DNS", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(jobs, _portal.EnqueuedJobs.Count);
        Assert.Equal(deployments, await _portal.DeploymentCountAsync());
    }
}
