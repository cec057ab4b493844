using System.Net;
using System.Text;

namespace PrivateApiEdge.UnitTests.AwsModels;

/// <summary>A request as it reached the transport: headers (signed), absolute URI and the body text.</summary>
public sealed record RecordedRequest(HttpRequestMessage Message, string? Body);

/// <summary>
/// The transport at the bottom of a real pipeline in unit tests: records every attempt (after signing) and
/// answers from a queue of responses; the last response repeats when the queue runs dry.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();
    private Func<HttpRequestMessage, HttpResponseMessage>? _last;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    public RecordedRequest OnlyRequest => Assert.Single(Requests);

    public RecordingHandler Respond(HttpStatusCode status, string? body = null, string contentType = "text/xml", params (string Name, string Value)[] headers)
    {
        return Respond(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content ??= new ByteArrayContent([]);
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        });
    }

    public RecordingHandler Respond(Func<HttpRequestMessage, HttpResponseMessage> responder)
    {
        lock (_lock)
        {
            _responses.Enqueue(responder);
        }

        return this;
    }

    public RecordingHandler Throw(Exception exception) => Respond(_ => throw exception);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var snapshot = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            snapshot.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            snapshot.Content = new StringContent(body ?? string.Empty);
            snapshot.Content.Headers.Clear();
            foreach (var header in request.Content.Headers)
            {
                snapshot.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        Func<HttpRequestMessage, HttpResponseMessage> responder;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(snapshot, body));
            if (_responses.Count > 0)
            {
                _last = _responses.Dequeue();
            }

            responder = _last ?? throw new InvalidOperationException($"No response queued for {request.Method} {request.RequestUri}.");
        }

        var response = responder(request);
        response.RequestMessage = request;
        return response;
    }
}
