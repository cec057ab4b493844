using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

/// <summary>Real AWS SDK clients pointed at a sandbox, with SDK retries off so faults surface as they are.</summary>
internal static class SandboxTestClients
{
    public static readonly BasicAWSCredentials Credentials = new("AKIDSANDBOXTEST", "sandbox-secret-key");

    public static Task<SandboxHost> StartAsync(string latencyProfile = "instant", string? stateFile = null) =>
        SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = latencyProfile, Port = 0, StateFile = stateFile }, TestContext.Current.CancellationToken);

    public static AmazonEC2Client Ec2(SandboxHost sandbox, string region = SandboxSeed.DefaultRegion) =>
        new(Credentials, new AmazonEC2Config
        {
            ServiceURL = sandbox.BaseAddress.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    public static AmazonSecurityTokenServiceClient Sts(SandboxHost sandbox, string region = SandboxSeed.DefaultRegion) =>
        new(Credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = sandbox.BaseAddress.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });
}
