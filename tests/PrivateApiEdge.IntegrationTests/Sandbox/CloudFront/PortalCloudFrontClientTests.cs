using System.Net;
using Amazon.Runtime;
using PrivateApiEdge.IntegrationTests.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.IntegrationTests.Sandbox.CloudFront;

/// <summary>The portal's own CloudFront client (signing, retries, XML) against the sandbox's CloudFront.</summary>
public sealed class PortalCloudFrontClientTests
{
    [Fact]
    public async Task The_portals_client_runs_the_vpc_origin_and_distribution_lifecycle_against_the_sandbox()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "portal");
        using var factory = PortalClients(sandbox);
        var client = new CloudFrontClient(factory.Connect(new AwsSession(SandboxSeed.DefaultRegion), AwsService.CloudFront));
        var ct = TestContext.Current.CancellationToken;

        var origin = await client.CreateVpcOriginAsync(new CreateVpcOriginRequest(new VpcOriginEndpointConfig
        {
            Name = "portal-origin",
            Arn = chain.LoadBalancerArn,
            OriginSslProtocols = ["TLSv1.2"],
        }), ct);
        Assert.Equal("Deployed", (await client.GetVpcOriginAsync(new GetVpcOriginRequest(origin.VpcOrigin.Id), ct)).VpcOrigin.Status);

        var created = await client.CreateDistributionAsync(new CreateDistributionRequest(new DistributionConfig
        {
            CallerReference = "portal-ref",
            Aliases = [SandboxSeed.DemoApiHostName],
            Origins = [new Origin { Id = "AlbOrigin", DomainName = chain.DnsName, VpcOriginConfig = new VpcOriginConfig(origin.VpcOrigin.Id) { OriginReadTimeout = 60, OriginKeepaliveTimeout = 60 } }],
            DefaultCacheBehavior = new DefaultCacheBehavior
            {
                TargetOriginId = "AlbOrigin",
                ViewerProtocolPolicy = "https-only",
                CachePolicyId = "83da9c7e-98b4-4e11-a168-04f0df8e2c65",
                OriginRequestPolicyId = "216adef6-5c7f-47e4-b989-5492eafa07d3",
            },
            Comment = "portal",
            Enabled = true,
            ViewerCertificate = new ViewerCertificate
            {
                AcmCertificateArn = SandboxSeed.CloudFrontCertificateArn,
                SslSupportMethod = "sni-only",
                MinimumProtocolVersion = "TLSv1.2_2021",
            },
            HttpVersion = "http2and3",
        }), ct);
        Assert.Equal([SandboxSeed.DemoApiHostName], created.Distribution.DistributionConfig.Aliases);

        var notDisabled = await Assert.ThrowsAsync<AwsApiException>(() =>
            client.DeleteDistributionAsync(new DeleteDistributionRequest(created.Distribution.Id, created.ETag), ct));
        Assert.Equal(("DistributionNotDisabled", HttpStatusCode.Conflict), (notDisabled.ErrorCode, notDisabled.StatusCode));

        var config = await client.GetDistributionConfigAsync(new GetDistributionConfigRequest(created.Distribution.Id), ct);
        var updated = await client.UpdateDistributionAsync(
            new UpdateDistributionRequest(created.Distribution.Id, config.DistributionConfig.WithEnabled(false), config.ETag), ct);
        Assert.False(updated.Distribution.DistributionConfig.Enabled);
        await client.DeleteDistributionAsync(new DeleteDistributionRequest(created.Distribution.Id, updated.ETag), ct);

        var current = await client.GetVpcOriginAsync(new GetVpcOriginRequest(origin.VpcOrigin.Id), ct);
        await client.DeleteVpcOriginAsync(new DeleteVpcOriginRequest(origin.VpcOrigin.Id, current.ETag), ct);
        Assert.Empty((await client.ListVpcOriginsAsync(new ListVpcOriginsRequest(), ct)).Items);
    }

    private static AwsClientFactory PortalClients(SandboxFixture sandbox)
    {
        var endpoint = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        endpoint.SetBaseAddress(sandbox.Host.BaseAddress);
        return new AwsClientFactory(
            new AwsEndpointResolver(null, _ => null, endpoint),
            new FixedCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "sandbox-secret")),
            new AwsCallMeter(),
            new AwsRetryOptions { MaxRetryAttempts = 0 },
            TimeProvider.System);
    }

    private sealed class FixedCredentials(AWSCredentials credentials) : IAwsCredentialSource
    {
        public AWSCredentials GetCredentials(AwsSession session) => credentials;
    }
}
