using System.Globalization;
using System.Text;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>EC2's Describe semantics: ids (unknown ones fail), filters (with <c>*</c>/<c>?</c> wildcards,
/// <c>tag:Key</c>, <c>tag-key</c>, <c>tag-value</c>), and MaxResults/NextToken paging.</summary>
internal static class Ec2Query
{
    public sealed record Filter(string Name, IReadOnlyList<string> Values);

    public static IReadOnlyList<Filter> Filters(QueryParameters form) =>
        form.StructList("Filter").Select(f => new Filter(f.Required("Name"), f.List("Value"))).ToList();

    /// <summary>Resources with the given ids (all must exist), or all of them, narrowed by the filters.</summary>
    public static List<T> Select<T>(
        IEnumerable<T> visible, IReadOnlyList<string> ids, IReadOnlyList<Filter> filters,
        Func<T, string, IEnumerable<string?>?> filterValues)
        where T : SandboxResource
    {
        var all = visible.ToList();
        if (ids.Count > 0)
        {
            var missing = ids.FirstOrDefault(id => all.All(r => r.Id != id));
            if (missing is not null)
            {
                throw Ec2Service.NotFound(missing);
            }

            all = all.Where(r => ids.Contains(r.Id)).ToList();
        }

        return all.Where(r => filters.All(f => Matches(r, f, filterValues))).ToList();
    }

    public static bool Matches<T>(T resource, Filter filter, Func<T, string, IEnumerable<string?>?> filterValues)
        where T : SandboxResource
    {
        IEnumerable<string?> actual;
        if (filter.Name.StartsWith("tag:", StringComparison.Ordinal))
        {
            actual = resource.Tags.Where(t => t.Key == filter.Name[4..]).Select(t => t.Value);
        }
        else if (filter.Name == "tag-key")
        {
            actual = resource.Tags.Select(t => t.Key);
        }
        else if (filter.Name == "tag-value")
        {
            actual = resource.Tags.Select(t => t.Value);
        }
        else
        {
            actual = filterValues(resource, filter.Name)
                ?? throw new SandboxServiceException("InvalidParameterValue", $"The filter '{filter.Name}' is invalid");
        }

        var values = actual.Where(v => v is not null).Select(v => v!).ToList();
        return filter.Values.Any(pattern => values.Any(v => Wildcard(pattern, v)));
    }

    /// <summary>EC2 filter values accept <c>*</c> and <c>?</c>.</summary>
    public static bool Wildcard(string pattern, string value)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }

        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>One page and the token of the next (opaque to clients: the offset, base64-encoded). MaxResults must lie
    /// within the operation's model range (most Describe calls: 5..1000); above <paramref name="truncateAbove"/> it is
    /// capped, as DescribeVpcEndpoints does.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(List<T> items, QueryParameters form, int min = 5, int max = 1000, int truncateAbove = int.MaxValue)
    {
        var offset = 0;
        if (form["NextToken"] is { Length: > 0 } token)
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new SandboxServiceException("InvalidPaginationToken", $"Invalid pagination token: {token}");
            }
        }

        var requested = form.Number("MaxResults");
        if (requested is { } value && (value < min || value > max))
        {
            throw new SandboxServiceException("InvalidParameterValue",
                $"Value ( {value} ) for parameter maxResults is invalid. Parameter must be between {min} and {max}.");
        }

        var (page, next) = Paging.Slice(items, offset, Math.Min(requested ?? int.MaxValue, truncateAbove));
        return (page, next is { } index ? Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture))) : null);
    }

    public static object? NextTokenElement(string? nextToken) => nextToken is null ? null : Ec2Protocol.E("nextToken", nextToken);

    public static IEnumerable<string?> One(string? value) => [value];
}
