using Microsoft.AspNetCore.Http;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>
/// Route table for the REST protocols, with URI templates as written in the models' <c>http.requestUri</c>:
/// <c>GET /2013-04-01/hostedzone/{Id}</c>, greedy labels <c>{Key+}</c>, and literal query keys that pick an
/// operation: <c>?WithTags</c> needs the key, <c>?Operation=Untag</c> the key with that value (CloudFront's tagging).
/// Every REST service routes through one table; ec2/query services look the <c>Action</c> up in a dictionary.
/// </summary>
public sealed class RestRouteTable
{
    private readonly List<Route> _routes = [];

    public RestRouteTable Add(string method, string uriTemplate, SandboxOperation operation)
    {
        ArgumentNullException.ThrowIfNull(uriTemplate);
        var queryStart = uriTemplate.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? uriTemplate : uriTemplate[..queryStart];
        var requiredQuery = queryStart < 0
            ? []
            : uriTemplate[(queryStart + 1)..].Split('&').Select(q => q.Split('=', 2)).Select(q => new QueryLiteral(q[0], q.ElementAtOrDefault(1))).ToArray();
        _routes.Add(new Route(method, Segments(path), requiredQuery, operation));
        return this;
    }

    /// <summary>Matches the request and stores the captured labels in <see cref="SandboxRequest.PathParameters"/>.</summary>
    public SandboxOperation? Match(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = Segments(request.RawPath);

        // Routes with more literal query keys win, as the models' disambiguation by query key intends.
        foreach (var route in _routes.OrderByDescending(r => r.RequiredQuery.Length))
        {
            if (!string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase)
                || route.RequiredQuery.Any(q => !q.IsIn(request.Query)))
            {
                continue;
            }

            var captured = TryMatch(route.Segments, segments);
            if (captured is not null)
            {
                request.PathParameters = captured;
                return route.Operation;
            }
        }

        return null;
    }

    private static Dictionary<string, string>? TryMatch(string[] template, string[] actual)
    {
        var captured = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= actual.Length)
                {
                    return null;
                }

                captured[part[1..^2]] = Uri.UnescapeDataString(string.Join('/', actual[i..]));
                return captured;
            }

            if (i >= actual.Length)
            {
                return null;
            }

            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                captured[part[1..^1]] = Uri.UnescapeDataString(actual[i]);
            }
            else if (!string.Equals(part, actual[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return template.Length == actual.Length ? captured : null;
    }

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private sealed record Route(string Method, string[] Segments, QueryLiteral[] RequiredQuery, SandboxOperation Operation);

    /// <summary>A literal query key of a URI template, with the value it must have when the template gives one.</summary>
    private sealed record QueryLiteral(string Key, string? Value)
    {
        public bool IsIn(IQueryCollection query) =>
            query.TryGetValue(Key, out var actual) && (Value is null || string.Equals(actual.ToString(), Value, StringComparison.Ordinal));
    }
}
