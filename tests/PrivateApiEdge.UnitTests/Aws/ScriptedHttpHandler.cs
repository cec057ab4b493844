using System.Net;
using System.Text;

namespace PrivateApiEdge.UnitTests.Aws;

/// <summary>A request as it left the client: what the model checks and the assertions look at.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    /// <summary>The form fields of a Query/EC2 request body, decoded.</summary>
    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
}

/// <summary>
/// Answers each request with the next scripted response and records what was sent; an unscripted request fails
/// the test instead of silently returning something.
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    public RecordedRequest OnlyRequest => Assert.Single(_requests);

    public ScriptedHttpHandler Respond(HttpStatusCode status, string body, string contentType = "text/xml", params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    public ScriptedHttpHandler RespondXml(string body, HttpStatusCode status = HttpStatusCode.OK) => Respond(status, body, "text/xml");

    public ScriptedHttpHandler RespondJson(string body, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        Respond(status, body, "application/json", headers);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.MediaType, body));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"Unscripted request: {request.Method} {request.RequestUri}");
        }

        return _responses.Dequeue()();
    }
}
