using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Aws.Sts;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Builds every AWS client of a session. Thin clients get an <see cref="AwsConnection"/> over the shared pipeline
/// (<c>resilience → metering → SigV4 → pooled transport</c>, see <see cref="AwsHttpPipeline"/>); the SDK adapters
/// (EC2, STS) get an SDK client aimed at the same resolved endpoint, with the session's credentials and region.
/// </summary>
/// <remarks>
/// Credentials and region differ per deployment, which named <c>IHttpClientFactory</c> clients cannot express
/// (their handler chain is per name, not per call), so this is not one: each session gets its own small chain of
/// delegating handlers over one process-wide transport, and connections are pooled across sessions.
/// </remarks>
public sealed class AwsClientFactory : IAwsClientFactory, IDisposable
{
    private readonly IAwsCredentialSource _credentials;
    private readonly AwsCallMeter _meter;
    private readonly TimeProvider _timeProvider;
    private readonly AwsHttpPipeline _pipeline;
    private readonly HttpClientFactory? _sdkTransport;

    /// <param name="endpoints">Where each API is reached.</param>
    /// <param name="credentials">Credentials per session.</param>
    /// <param name="meter">Receives every attempt.</param>
    /// <param name="retryOptions">Retry and timeout settings of the thin clients (the SDK adapters retry as the SDK does).</param>
    /// <param name="timeProvider">Clock for backoff delays and call durations.</param>
    /// <param name="primaryHandler">Transport at the bottom of every thin client's chain; null creates a pooled <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="signingClock">Fixes SigV4 timestamps (tests); null lets the SDK use its skew-corrected clock.</param>
    /// <param name="sdkTransport">Replaces the SDK adapters' HTTP transport (tests record what the SDK sends); null keeps the SDK's.</param>
    public AwsClientFactory(
        AwsEndpointResolver endpoints,
        IAwsCredentialSource credentials,
        AwsCallMeter meter,
        AwsRetryOptions retryOptions,
        TimeProvider timeProvider,
        HttpMessageHandler? primaryHandler = null,
        TimeProvider? signingClock = null,
        HttpClientFactory? sdkTransport = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(retryOptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Endpoints = endpoints;
        _credentials = credentials;
        _meter = meter;
        _timeProvider = timeProvider;
        _sdkTransport = sdkTransport;
        _pipeline = new AwsHttpPipeline(retryOptions, timeProvider, primaryHandler, signingClock);
    }

    public AwsEndpointResolver Endpoints { get; }

    /// <summary>
    /// A factory aimed at a running sandbox (every service at <paramref name="baseAddress"/>, dummy credentials),
    /// for integration tests and tools that talk to <c>SandboxHost</c> without the portal's DI container.
    /// </summary>
    public static AwsClientFactory ForSandbox(Uri baseAddress, AwsCallMeter? meter = null, AwsRetryOptions? retryOptions = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var sandbox = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        sandbox.SetBaseAddress(baseAddress);
        return new AwsClientFactory(
            new AwsEndpointResolver(null, _ => null, sandbox),
            new AwsCredentialSource(sandbox),
            meter ?? new AwsCallMeter(),
            retryOptions ?? new AwsRetryOptions(),
            timeProvider ?? TimeProvider.System);
    }

    public AwsClients Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new AwsClients(
            new CloudFrontClient(Connect(session, AwsService.CloudFront)),
            new Route53Client(Connect(session, AwsService.Route53)),
            new CertificateManagerClient(Connect(session, AwsService.CertificateManager)),
            new CertificateManagerClient(Connect(session with { Region = AwsService.GlobalSigningRegion }, AwsService.CertificateManager)),
            new ElasticLoadBalancingClient(Connect(session, AwsService.ElasticLoadBalancingV2)),
            new ApiGatewayClient(Connect(session, AwsService.ApiGateway)),
            CreateEc2(session),
            CreateSts(session));
    }

    /// <summary>The connection a thin client uses for <paramref name="service"/> on behalf of <paramref name="session"/>.</summary>
    public AwsConnection Connect(AwsSession session, AwsService service) =>
        new(CreateHttpClient(session, service), service, session);

    /// <summary>A raw signed, retrying, metered client whose BaseAddress is the resolved endpoint.</summary>
    public HttpClient CreateHttpClient(AwsSession session, AwsService service)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(service);
        var handlers = _pipeline.CreateHandlers(
            _credentials.GetCredentials(session),
            RegionEndpoint.GetBySystemName(service.SigningRegion(session.Region)),
            service,
            new AwsCallMeteringHandler(_meter, service, session, _timeProvider));

        // disposeHandler: false keeps the shared transport alive when a session's client is disposed or collected.
        return new HttpClient(handlers, disposeHandler: false)
        {
            BaseAddress = Endpoints.Resolve(service, session.Region),

            // The resilience pipeline owns timeouts (per attempt); the caller's token bounds the whole call.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public void Dispose() => _pipeline.Dispose();

    private Ec2Client CreateEc2(AwsSession session)
    {
        var config = Ec2Client.CreateConfig(session.Region, Endpoints.Resolve(AwsService.Ec2, session.Region));
        if (_sdkTransport is not null)
        {
            config.HttpClientFactory = _sdkTransport;
        }

        return new Ec2Client(new AmazonEC2Client(_credentials.GetCredentials(session), config), SdkCalls(AwsService.Ec2, session));
    }

    private StsClient CreateSts(AwsSession session)
    {
        var config = StsClient.CreateConfig(session.Region, Endpoints.Resolve(AwsService.Sts, session.Region));
        if (_sdkTransport is not null)
        {
            config.HttpClientFactory = _sdkTransport;
        }

        return new StsClient(new AmazonSecurityTokenServiceClient(_credentials.GetCredentials(session), config), SdkCalls(AwsService.Sts, session));
    }

    private AwsSdkCallRunner SdkCalls(AwsService service, AwsSession session) =>
        new(service, _meter, session.DeploymentId, _timeProvider, session.CallTally);
}
