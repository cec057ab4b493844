using System.Net;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// A signed, retrying, metered HTTP connection to one AWS API for one session. Thin clients build requests with
/// paths relative to the resolved endpoint and get either a success response or an <see cref="AwsApiException"/>.
/// </summary>
public sealed class AwsConnection
{
    private readonly HttpClient _http;

    public AwsConnection(HttpClient http, AwsService service, AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(session);
        _http = http;
        Service = service;
        Session = session;
    }

    public AwsService Service { get; }

    public AwsSession Session { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>
    /// Sends <paramref name="request"/> (relative URI from <see cref="AwsUri"/>, e.g. <c>2020-05-31/distribution</c>) and returns the response
    /// when its status is a success; the caller disposes it. Error answers throw <see cref="AwsApiException"/>;
    /// transport failures that survive the retries surface as <see cref="HttpRequestException"/> or Polly's
    /// <c>TimeoutRejectedException</c>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, AwsOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        request.Options.Set(AwsRequestOptions.Operation, operation);
        request.Options.Set(AwsRequestOptions.Service, Service);

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await AwsErrorParser.ParseAsync(Service.Protocol, response, cancellationToken).ConfigureAwait(false);
            var message = !error.IsAwsError && response.StatusCode == HttpStatusCode.NotFound
                ? AwsErrorParser.UnimplementedOperation(operation.Name, request.RequestUri)
                : error.Message;
            throw new AwsApiException(Service.SigningName, operation.Name, error.Code, message, response.StatusCode, error.RequestId);
        }
    }
}
