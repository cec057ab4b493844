using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Hosting;

public static class AwsAccessExtensions
{
    /// <summary>
    /// Decides sandbox or AWS once, starts the in-process sandbox when it is the sandbox, and registers the AWS
    /// access layer (endpoint resolution, credentials, signed + retrying + metered HTTP, one factory for every API's client).
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

        services.TryAddSingleton(sp => new AwsClientFactory(
            sp.GetRequiredService<AwsEndpointResolver>(),
            sp.GetRequiredService<IAwsCredentialSource>(),
            sp.GetRequiredService<AwsCallMeter>(),
            sp.GetRequiredService<IOptions<AwsRetryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAwsClientFactory>(sp => sp.GetRequiredService<AwsClientFactory>());
        return services;
    }
}
