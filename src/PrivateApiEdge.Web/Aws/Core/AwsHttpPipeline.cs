using Amazon;
using Amazon.Runtime;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// The HTTP pipeline under every thin client:
/// <c>resilience (retry with backoff, per-attempt timeout) → metering → SigV4 signing → shared connection pool</c>.
/// Retry sits outside signing so each attempt carries a fresh signature; the retry pipeline is stateless and
/// shared, and so is the pooled transport.
/// </summary>
public sealed class AwsHttpPipeline : IDisposable
{
    private readonly TimeProvider? _signingClock;
    private readonly HttpMessageHandler _primaryHandler;
    private readonly bool _ownsPrimaryHandler;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;

    public AwsHttpPipeline(AwsRetryOptions retryOptions, TimeProvider timeProvider, HttpMessageHandler? primaryHandler = null, TimeProvider? signingClock = null)
    {
        ArgumentNullException.ThrowIfNull(retryOptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _signingClock = signingClock;
        _ownsPrimaryHandler = primaryHandler is null;
        _primaryHandler = primaryHandler ?? CreatePrimaryHandler();
        _resilience = BuildResiliencePipeline(retryOptions, timeProvider);
    }

    /// <summary>The handler chain of one session and API, outermost first; <paramref name="metering"/> is placed inside the retries.</summary>
    internal DelegatingHandler CreateHandlers(AWSCredentials credentials, RegionEndpoint signingRegion, AwsService service, DelegatingHandler metering)
    {
        var signing = new AwsSigningHandler(credentials, signingRegion, service.SigningName, _signingClock)
        {
            InnerHandler = _primaryHandler,
        };
        metering.InnerHandler = signing;
        return new ResilienceHandler(_resilience) { InnerHandler = metering };
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
