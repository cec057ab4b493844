using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws;

/// <summary>
/// The real AWS pipeline (retry → metering → SigV4) over a <see cref="RecordingHandler"/> instead of the network,
/// aimed at the real AWS endpoints. Retries have no delay so tests stay fast.
/// </summary>
public sealed class AwsTestPipeline : IDisposable
{
    private readonly ServiceProvider _services;

    public AwsTestPipeline(int maxRetryAttempts = 2, TimeProvider? signingClock = null, AWSCredentials? credentials = null)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Meter = new AwsCallMeter(_services.GetRequiredService<IMeterFactory>());
        var resolver = new AwsEndpointResolver(null, _ => null, new CurrentAwsMode { Mode = AwsMode.Aws });
        Factory = new AwsClientFactory(
            resolver,
            new FixedCredentials(credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
            Meter,
            new AwsRetryOptions { MaxRetryAttempts = maxRetryAttempts, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
            TimeProvider.System,
            Transport,
            signingClock);
    }

    public RecordingHandler Transport { get; } = new();

    public AwsCallMeter Meter { get; }

    public AwsClientFactory Factory { get; }

    public static AwsSession Session(string region = "eu-west-1", Guid? deploymentId = null) => new(region, DeploymentId: deploymentId);

    public void Dispose()
    {
        Factory.Dispose();
        Transport.Dispose();
        _services.Dispose();
    }

    private sealed class FixedCredentials(AWSCredentials credentials) : IAwsCredentialSource
    {
        public AWSCredentials GetCredentials(AwsSession session) => credentials;
    }
}
