using Amazon;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Builds the HTTP pipeline for one session and one AWS API:
/// <c>resilience (retry with backoff, per-attempt timeout) → metering → SigV4 signing → shared connection pool</c>.
/// </summary>
/// <remarks>
/// Credentials and region differ per deployment, which named <c>IHttpClientFactory</c> clients cannot express
/// (their handler chain is per name, not per call). So each session gets its own small chain of delegating
/// handlers over one process-wide <see cref="SocketsHttpHandler"/>: connections are pooled across sessions, and the
/// retry pipeline (stateless) is shared. Retry sits outside signing so each attempt carries a fresh signature.
/// </remarks>
public sealed class AwsHttpClientFactory : IDisposable
{
    private readonly AwsEndpointResolver _endpoints;
    private readonly IAwsCredentialSource _credentials;
    private readonly AwsCallMeter _meter;
    private readonly TimeProvider _timeProvider;
    private readonly TimeProvider? _signingClock;
    private readonly HttpMessageHandler _primaryHandler;
    private readonly bool _ownsPrimaryHandler;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;

    /// <param name="endpoints">Where each API is reached.</param>
    /// <param name="credentials">Credentials per session.</param>
    /// <param name="meter">Receives every attempt.</param>
    /// <param name="retryOptions">Retry and timeout settings.</param>
    /// <param name="timeProvider">Clock for backoff delays and call durations.</param>
    /// <param name="primaryHandler">Transport at the bottom of every chain; null creates a pooled <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="signingClock">Fixes SigV4 timestamps (tests); null lets the SDK use its skew-corrected clock.</param>
    public AwsHttpClientFactory(
        AwsEndpointResolver endpoints,
        IAwsCredentialSource credentials,
        AwsCallMeter meter,
        AwsRetryOptions retryOptions,
        TimeProvider timeProvider,
        HttpMessageHandler? primaryHandler = null,
        TimeProvider? signingClock = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(retryOptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _endpoints = endpoints;
        _credentials = credentials;
        _meter = meter;
        _timeProvider = timeProvider;
        _signingClock = signingClock;
        _ownsPrimaryHandler = primaryHandler is null;
        _primaryHandler = primaryHandler ?? CreatePrimaryHandler();
        _resilience = BuildResiliencePipeline(retryOptions, timeProvider);
    }

    public AwsEndpointResolver Endpoints => _endpoints;

    /// <summary>
    /// A factory aimed at a running sandbox (every service at <paramref name="baseAddress"/>, dummy credentials),
    /// for integration tests and tools that talk to <c>SandboxHost</c> without the portal's DI container.
    /// </summary>
    public static AwsHttpClientFactory ForSandbox(Uri baseAddress, AwsCallMeter? meter = null, AwsRetryOptions? retryOptions = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var sandbox = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        sandbox.SetBaseAddress(baseAddress);
        return new AwsHttpClientFactory(
            new AwsEndpointResolver(null, _ => null, sandbox),
            new AwsCredentialSource(sandbox),
            meter ?? new AwsCallMeter(),
            retryOptions ?? new AwsRetryOptions(),
            timeProvider ?? TimeProvider.System);
    }

    /// <summary>The connection a thin client uses for <paramref name="service"/> on behalf of <paramref name="session"/>.</summary>
    public AwsConnection Connect(AwsSession session, AwsService service) =>
        new(CreateHttpClient(session, service), service, session);

    /// <summary>A raw signed, retrying, metered client whose BaseAddress is the resolved endpoint.</summary>
    public HttpClient CreateHttpClient(AwsSession session, AwsService service)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(service);

        var signing = new AwsSigningHandler(
            _credentials.GetCredentials(session),
            RegionEndpoint.GetBySystemName(service.SigningRegion(session.Region)),
            service.SigningName,
            _signingClock)
        {
            InnerHandler = _primaryHandler,
        };
        var metering = new AwsCallMeteringHandler(_meter, service, session, _timeProvider) { InnerHandler = signing };
        var resilience = new ResilienceHandler(_resilience) { InnerHandler = metering };

        // disposeHandler: false keeps the shared transport alive when a session's client is disposed or collected.
        return new HttpClient(resilience, disposeHandler: false)
        {
            BaseAddress = _endpoints.Resolve(service, session.Region),

            // The resilience pipeline owns timeouts (per attempt); the caller's token bounds the whole call.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public void Dispose()
    {
        if (_ownsPrimaryHandler)
        {
            _primaryHandler.Dispose();
        }
    }

    /// <summary>
    /// The pooled transport. Redirects stay off: the SigV4 handler must see every hop (an auto-followed redirect
    /// would replay a stale signature), and AWS APIs do not redirect anyway.
    /// </summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    private static ResiliencePipeline<HttpResponseMessage> BuildResiliencePipeline(AwsRetryOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = ShouldRetryAsync,
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    // Decided per operation (AwsOperation.Retry), never per HTTP verb: most AWS writes are POSTs, and many of
    // them carry an idempotency key (ClientToken, CallerReference) that makes a resend harmless.
    private static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> arguments)
    {
        if (arguments.Context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = arguments.Outcome.Result?.RequestMessage ?? arguments.Context.GetRequestMessage();
        var mode = request is not null && request.Options.TryGetValue(AwsRequestOptions.Operation, out var operation)
            ? operation.Retry
            : AwsRetryMode.NotIdempotent;

        if (arguments.Outcome.Exception is { } exception)
        {
            return AwsRetryClassifier.ShouldRetry(mode, exception);
        }

        var response = arguments.Outcome.Result!;
        if (response.IsSuccessStatusCode)
        {
            return false;
        }

        var protocol = request is not null && request.Options.TryGetValue(AwsRequestOptions.Service, out var service)
            ? service.Protocol
            : AwsProtocol.RestXml;
        var error = await AwsErrorParser.ParseAsync(protocol, response, arguments.Context.CancellationToken).ConfigureAwait(false);
        return AwsRetryClassifier.ShouldRetry(mode, response.StatusCode, error.Code);
    }
}
