using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Sts;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.UnitTests.Aws;

public sealed class AwsClientFactoryWiringTests
{
    [Fact]
    public void The_client_factory_builds_the_real_elbv2_api_gateway_ec2_and_sts_clients_for_a_session()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName);
        var sandbox = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        sandbox.SetBaseAddress(new Uri("http://127.0.0.1:4566"));
        services.AddSingleton(sandbox);
        services.AddAwsAccessLayer();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var clients = provider.GetRequiredService<IAwsClientFactory>().Create(new AwsSession("eu-west-1", DeploymentId: Guid.NewGuid()));

        Assert.IsType<ElasticLoadBalancingClient>(clients.ElasticLoadBalancing);
        Assert.IsType<ApiGatewayClient>(clients.ApiGateway);
        Assert.IsType<Ec2Client>(clients.Ec2);
        Assert.IsType<StsClient>(clients.Sts);
    }

    [Fact]
    public void Sdk_configuration_targets_the_resolved_endpoint_and_signs_for_the_session_region()
    {
        var ec2 = Ec2Client.CreateConfig("eu-central-1", new Uri("http://127.0.0.1:4566/"));
        var sts = StsClient.CreateConfig("eu-central-1", new Uri("http://127.0.0.1:4566/"));

        Assert.Equal(("http://127.0.0.1:4566/", "eu-central-1"), (ec2.ServiceURL, ec2.AuthenticationRegion));
        Assert.Equal(("http://127.0.0.1:4566/", "eu-central-1"), (sts.ServiceURL, sts.AuthenticationRegion));
    }
}
