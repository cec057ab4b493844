using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsEndpointResolverTests
{
    private static CurrentAwsMode Sandbox(string? address = "http://127.0.0.1:4566")
    {
        var sandbox = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        if (address is not null)
        {
            sandbox.SetBaseAddress(new Uri(address));
        }

        return sandbox;
    }

    private static AwsEndpointResolver Resolver(Dictionary<string, string>? config = null, Dictionary<string, string>? environment = null, CurrentAwsMode? sandbox = null) =>
        new(config, name => environment?.GetValueOrDefault(name), sandbox ?? new CurrentAwsMode { Mode = AwsMode.Aws });

    public static TheoryData<string, string> ServiceVariables => new()
    {
        { "CloudFront", "AWS_ENDPOINT_URL_CLOUDFRONT" },
        { "ElasticLoadBalancingV2", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2" },
        { "ApiGateway", "AWS_ENDPOINT_URL_API_GATEWAY" },
        { "Route53", "AWS_ENDPOINT_URL_ROUTE_53" },
        { "Acm", "AWS_ENDPOINT_URL_ACM" },
        { "Ec2", "AWS_ENDPOINT_URL_EC2" },
        { "Sts", "AWS_ENDPOINT_URL_STS" },
    };

    private static AwsService ByKey(string key) => AwsService.All.Single(s => s.Key == key);

    [Theory]
    [MemberData(nameof(ServiceVariables))]
    public void Each_service_honours_its_own_environment_variable_over_the_shared_one(string service, string variable)
    {
        var resolver = Resolver(environment: new() { [variable] = "http://localhost:5001", ["AWS_ENDPOINT_URL"] = "http://localhost:5000" });

        var endpoint = resolver.ResolveWithSource(ByKey(service), "eu-west-1");

        Assert.Equal(new Uri("http://localhost:5001/"), endpoint.Address);
        Assert.Equal(AwsEndpointSource.ServiceEnvironmentVariable, endpoint.Source);
        Assert.All(AwsService.All.Where(s => s.Key != service), other => Assert.Equal(new Uri("http://localhost:5000/"), resolver.Resolve(other, "eu-west-1")));
    }

    [Fact]
    public void Configuration_wins_over_environment_and_sandbox()
    {
        var resolver = Resolver(
            config: new() { ["cloudfront"] = "https://cf.internal.example/base" },
            environment: new() { ["AWS_ENDPOINT_URL_CLOUDFRONT"] = "http://localhost:5001" },
            sandbox: Sandbox());

        var endpoint = resolver.ResolveWithSource(AwsService.CloudFront, "eu-west-1");

        Assert.Equal(new Uri("https://cf.internal.example/base/"), endpoint.Address);
        Assert.Equal(AwsEndpointSource.Configuration, endpoint.Source);
    }

    [Fact]
    public void The_shared_environment_variable_wins_over_the_sandbox()
    {
        var resolver = Resolver(environment: new() { ["AWS_ENDPOINT_URL"] = "http://localhost:4566" }, sandbox: Sandbox("http://127.0.0.1:9000"));

        Assert.Equal(AwsEndpointSource.EnvironmentVariable, resolver.ResolveWithSource(AwsService.Route53, "eu-west-1").Source);
    }

    [Fact]
    public void Ignore_configured_endpoint_urls_turns_the_environment_variables_off()
    {
        var resolver = Resolver(environment: new() { ["AWS_ENDPOINT_URL"] = "http://localhost:4566", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" });

        Assert.Equal(new Uri("https://route53.amazonaws.com/"), resolver.Resolve(AwsService.Route53, "eu-west-1"));
    }

    [Fact]
    public void Sandbox_mode_uses_the_sandbox_address_for_every_service()
    {
        var resolver = Resolver(sandbox: Sandbox("http://127.0.0.1:4566"));

        Assert.All(AwsService.All, service => Assert.Equal(new Uri("http://127.0.0.1:4566/"), resolver.Resolve(service, "eu-west-1")));
    }

    [Fact]
    public void Sandbox_mode_before_the_sandbox_started_fails_clearly()
    {
        var resolver = Resolver(sandbox: Sandbox(address: null));

        Assert.Throws<InvalidOperationException>(() => resolver.Resolve(AwsService.CloudFront, "eu-west-1"));
    }

    [Theory]
    [InlineData("CloudFront", "eu-west-1", "https://cloudfront.amazonaws.com/")]
    [InlineData("Route53", "ap-southeast-2", "https://route53.amazonaws.com/")]
    [InlineData("Acm", "us-east-1", "https://acm.us-east-1.amazonaws.com/")]
    [InlineData("ElasticLoadBalancingV2", "eu-central-1", "https://elasticloadbalancing.eu-central-1.amazonaws.com/")]
    [InlineData("ApiGateway", "eu-west-1", "https://apigateway.eu-west-1.amazonaws.com/")]
    [InlineData("Ec2", "eu-west-1", "https://ec2.eu-west-1.amazonaws.com/")]
    [InlineData("Sts", "eu-west-1", "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData("Acm", "cn-north-1", "https://acm.cn-north-1.amazonaws.com.cn/")]
    public void Without_overrides_the_real_regional_or_global_endpoint_is_used(string service, string region, string expected)
    {
        Assert.Equal(new Uri(expected), Resolver().Resolve(ByKey(service), region));
    }

    [Fact]
    public void Global_services_sign_as_us_east_1()
    {
        Assert.Equal("us-east-1", AwsService.CloudFront.SigningRegion("eu-west-1"));
        Assert.Equal("us-east-1", AwsService.Route53.SigningRegion("eu-west-1"));
        Assert.Equal("eu-west-1", AwsService.CertificateManager.SigningRegion("eu-west-1"));
    }

    [Fact]
    public void A_malformed_override_fails_with_its_origin_in_the_message()
    {
        var resolver = Resolver(environment: new() { ["AWS_ENDPOINT_URL_ACM"] = "localhost:4566" });

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(AwsService.CertificateManager, "eu-west-1"));
        Assert.Contains("AWS_ENDPOINT_URL_ACM", error.Message, StringComparison.Ordinal);
    }
}
