using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Records each attempt (it sits inside the retry handler) in the <see cref="AwsCallMeter"/>.</summary>
internal sealed class AwsCallMeteringHandler(AwsCallMeter meter, AwsService service, AwsSession session, TimeProvider timeProvider)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Options.TryGetValue(AwsRequestOptions.Operation, out var op) ? op.Name : "Unknown";
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var code = exception is HttpRequestException http ? $"Transport.{http.HttpRequestError}" : exception.GetType().Name;
            Record(new AwsCallRecord(startedAt, service.SigningName, operation, session.DeploymentId, null, code, timeProvider.GetElapsedTime(started)));
            throw;
        }

        string? errorCode = null;
        if (!response.IsSuccessStatusCode)
        {
            errorCode = (await AwsErrorParser.ParseAsync(service.Protocol, response, cancellationToken).ConfigureAwait(false)).Code;
        }

        Record(new AwsCallRecord(startedAt, service.SigningName, operation, session.DeploymentId, (int)response.StatusCode, errorCode, timeProvider.GetElapsedTime(started)));
        return response;
    }

    private void Record(AwsCallRecord call)
    {
        meter.Record(call);
        session.CallTally?.Add();
    }
}

/// <summary>
/// Signs every attempt through AWSSDK.Core's <see cref="SigV4SigningHandler"/>. A fresh SDK handler per attempt
/// lets tests pin the signing time (<see cref="AWSSigV4Parameters.SignedAt"/>) from a clock; in production the
/// clock is null and the SDK uses its clock-skew-corrected now.
/// </summary>
internal sealed class AwsSigningHandler(AWSCredentials credentials, RegionEndpoint signingRegion, string signingName, TimeProvider? signingClock)
    : DelegatingHandler
{
    // Headers a previous attempt's signature left on the (reused) request message; they must not leak into the next canonical request.
    private static readonly string[] SignatureHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Content-Sha256", "X-Amz-Security-Token"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var header in SignatureHeaders)
        {
            request.Headers.Remove(header);
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = signingRegion,
            Service = signingName,
            SignedAt = signingClock?.GetUtcNow().UtcDateTime,
        };

        // disposeHandler: false, because disposing the SDK handler would dispose the shared connection pool below it.
        using var invoker = new HttpMessageInvoker(new SigV4SigningHandler(parameters, InnerHandler!), disposeHandler: false);
        return await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
