using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws;

/// <summary>
/// What the SDK-based adapters (EC2, STS) need, with the SDK's HTTP going to a <see cref="RecordingHandler"/>:
/// tests see exactly what the real SDK marshalled and signed, and answer with model-shaped XML.
/// </summary>
public sealed class SdkAdapterHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public SdkAdapterHarness(IReadOnlyDictionary<string, string>? configuredEndpoints = null)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Meter = new AwsCallMeter(_services.GetRequiredService<IMeterFactory>());
        Endpoints = new AwsEndpointResolver(configuredEndpoints, _ => null, new CurrentAwsMode { Mode = AwsMode.Aws });
        SdkTransport = new RecordingSdkHttpClientFactory(Transport);
        Factory = new AwsClientFactory(Endpoints, Credentials, Meter, new AwsRetryOptions(), TimeProvider.System, sdkTransport: SdkTransport);
    }

    public RecordingHandler Transport { get; } = new();

    public AwsCallMeter Meter { get; }

    public AwsEndpointResolver Endpoints { get; }

    public IAwsCredentialSource Credentials { get; } = new FixedCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    public HttpClientFactory SdkTransport { get; }

    /// <summary>The portal's factory, with the SDK adapters' HTTP going to <see cref="Transport"/>.</summary>
    public AwsClientFactory Factory { get; }

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

    private sealed class RecordingSdkHttpClientFactory(HttpMessageHandler transport) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(transport, disposeHandler: false);

        // A cached client would outlive the test's handler; one per SDK client keeps tests independent.
        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
