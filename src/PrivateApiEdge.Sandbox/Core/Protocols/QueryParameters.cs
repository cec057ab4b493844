using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>
/// Reader for form-encoded ec2/awsQuery parameters. Lists are <c>Name.1</c>, <c>Name.2</c> (ec2, flattened)
/// or <c>Name.member.1</c> (awsQuery); structures nest with dots (<c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>).
/// </summary>
public sealed class QueryParameters
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _prefix;

    public QueryParameters(IReadOnlyDictionary<string, string> values, string prefix = "")
    {
        _values = values;
        _prefix = prefix;
    }

    public static QueryParameters FromRequest(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.Body.Length > 0)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(request.BodyText))
            {
                values[key] = value.ToString();
            }
        }

        return new QueryParameters(values);
    }

    /// <summary>Every parameter as sent, for checks that look at the request as a whole.</summary>
    public IEnumerable<KeyValuePair<string, string>> All => _values;

    public string? this[string name] => _values.TryGetValue(_prefix + name, out var value) ? value : null;

    public string Required(string name) =>
        this[name] is { Length: > 0 } value
            ? value
            : throw new SandboxServiceException("MissingParameter", $"The request must contain the parameter {name}");

    public bool? Bool(string name) => this[name] is { } value ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) : null;

    public int? Number(string name) => this[name] is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>A structure member: <c>Nested("Filter.1")</c> reads <c>Filter.1.Name</c> as <c>["Name"]</c>.</summary>
    public QueryParameters Nested(string name) => new(_values, _prefix + name + ".");

    /// <summary>Whether any parameter starts with this member's prefix.</summary>
    public bool Has(string name) => _values.Keys.Any(k => k == _prefix + name || k.StartsWith(_prefix + name + ".", StringComparison.Ordinal));

    /// <summary>Flattened list of strings (ec2): <c>SubnetId.1</c>, <c>SubnetId.2</c>, ...</summary>
    public IReadOnlyList<string> List(string name)
    {
        var items = new List<string>();
        for (var i = 1; this[$"{name}.{i.ToString(CultureInfo.InvariantCulture)}"] is { } value; i++)
        {
            items.Add(value);
        }

        return items;
    }

    /// <summary>Flattened list of structures (ec2): <c>Filter.1.*</c>, <c>Filter.2.*</c>, ...</summary>
    public IReadOnlyList<QueryParameters> StructList(string name)
    {
        var items = new List<QueryParameters>();
        for (var i = 1; Has($"{name}.{i.ToString(CultureInfo.InvariantCulture)}"); i++)
        {
            items.Add(Nested($"{name}.{i.ToString(CultureInfo.InvariantCulture)}"));
        }

        return items;
    }

    /// <summary>awsQuery list of strings: <c>Names.member.1</c>, ...</summary>
    public IReadOnlyList<string> MemberList(string name) => List(name + ".member");

    /// <summary>awsQuery list of structures: <c>Tags.member.1.Key</c>, ...</summary>
    public IReadOnlyList<QueryParameters> MemberStructList(string name) => StructList(name + ".member");
}
