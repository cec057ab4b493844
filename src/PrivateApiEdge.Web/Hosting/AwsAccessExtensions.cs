using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Sts;

namespace PrivateApiEdge.Web.Hosting;

public static class AwsAccessExtensions
{
    /// <summary>
    /// Decides sandbox or AWS once, starts the in-process sandbox when it is the sandbox, and registers the AWS
    /// access layer (endpoint resolution, credentials, signed + retrying + metered HTTP, the per-API clients).
    /// </summary>
    public static WebApplicationBuilder AddAwsAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        var aws = builder.Configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();
        var mode = AwsModeDetector.Resolve(aws.Mode, Environment.GetEnvironmentVariable);
        var standalone = mode == AwsMode.Aws && Uri.TryCreate(aws.StandaloneSandboxUrl, UriKind.Absolute, out var url) ? url : null;
        builder.Services.AddSingleton(new CurrentAwsMode { Mode = mode, StandaloneAddress = standalone });

        if (mode == AwsMode.Sandbox)
        {
            builder.Services.AddHostedService<InProcessSandboxService>();
            var provisioning = builder.Configuration.GetSection(Features.Provisioning.ProvisioningOptions.SectionName);
            builder.Services.AddOptions<Features.Provisioning.ProvisioningOptions>()
                .PostConfigure<IOptions<SandboxOptions>>((options, sandbox) =>
                    Features.Provisioning.SandboxPolling.ApplyDefaults(options, sandbox.Value.Profile, provisioning));
        }

        builder.Services.AddAwsAccessLayer();
        return builder;
    }

    /// <summary>The access layer alone (needs a <see cref="CurrentAwsMode"/> and <see cref="AwsOptions"/>).</summary>
    public static IServiceCollection AddAwsAccessLayer(this IServiceCollection services)
    {
        services.AddOptions<AwsRetryOptions>().BindConfiguration(AwsRetryOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AwsCallMeter>();
        services.TryAddSingleton(sp => new AwsEndpointResolver(
            sp.GetRequiredService<IOptions<AwsOptions>>().Value.Endpoints,
            Environment.GetEnvironmentVariable,
            sp.GetRequiredService<CurrentAwsMode>()));
        services.TryAddSingleton<IAwsCredentialSource, AwsCredentialSource>();

        // Kept apart from the other per-API factories so branches adding APIs merge without conflicts.
        services.TryAddSingleton<IAwsServiceClientFactory<Aws.Route53.IRoute53Client>, Aws.Route53.Route53ClientFactory>();
        services.TryAddSingleton<IAwsServiceClientFactory<ICertificateManagerClient>, CertificateManagerClientFactory>();

        services.TryAddSingleton(sp => new AwsHttpClientFactory(
            sp.GetRequiredService<AwsEndpointResolver>(),
            sp.GetRequiredService<IAwsCredentialSource>(),
            sp.GetRequiredService<AwsCallMeter>(),
            sp.GetRequiredService<IOptions<AwsRetryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAwsClientFactory, AwsClientFactory>();
        services.TryAddSingleton<IAwsServiceClientFactory<ICloudFrontClient>, CloudFrontClientFactory>();
        services.TryAddSingleton<IAwsServiceClientFactory<IElasticLoadBalancingClient>, ElasticLoadBalancingClientFactory>();
        services.TryAddSingleton<IAwsServiceClientFactory<IApiGatewayClient>, ApiGatewayClientFactory>();
        services.TryAddSingleton<IAwsServiceClientFactory<IEc2Client>, Ec2ClientFactory>();
        services.TryAddSingleton<IAwsServiceClientFactory<IStsClient>, StsClientFactory>();
        return services;
    }
}
