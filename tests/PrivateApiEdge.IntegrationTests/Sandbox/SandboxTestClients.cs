using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
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

    /// <summary>An HttpClient that signs every request with AWSSDK.Core's SigV4 handler, for the services we drive
    /// over raw HTTP (ACM, Route 53).</summary>
    public static HttpClient Signed(SandboxHost sandbox, string signingName, string region = SandboxSeed.DefaultRegion)
    {
        var parameters = new AWSSigV4Parameters
        {
            Credentials = Credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = signingName,
        };
        return new HttpClient(new SigV4SigningHandler(parameters, new SocketsHttpHandler())) { BaseAddress = sandbox.BaseAddress };
    }
}
