using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.Web.Hosting;

public static class AwsAccessExtensions
{
    /// <summary>Decides sandbox or AWS once, and starts the in-process sandbox when it is the sandbox.</summary>
    public static WebApplicationBuilder AddAwsAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        var configured = builder.Configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>()?.Mode ?? AwsMode.Auto;
        var mode = AwsModeDetector.Resolve(configured, Environment.GetEnvironmentVariable);
        builder.Services.AddSingleton(new SandboxEndpoint { Mode = mode });

        if (mode == AwsMode.Sandbox)
        {
            builder.Services.AddHostedService<InProcessSandboxService>();
        }

        return builder;
    }
}
