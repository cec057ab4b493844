using System.Globalization;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

/// <summary>The flattened awsQuery form (<c>Subnets.member.1</c>, <c>Tags.member.1.Key</c>) read back into lists.</summary>
public sealed class QueryParameters(IReadOnlyDictionary<string, string> values)
{
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Get(name) ?? throw LoadBalancingException.Validation($"1 validation error detected: Value null at '{ToCamel(name)}' failed to satisfy constraint: Member must not be null");

    public int? GetInt(string name) =>
        Get(name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw LoadBalancingException.Validation($"Value '{text}' at '{ToCamel(name)}' is not a valid integer")
            : null;

    public bool? GetBool(string name) => Get(name) is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;

    public IReadOnlyList<string> GetList(string name)
    {
        var items = new List<string>();
        for (var i = 1; Get($"{name}.member.{i}") is { } value; i++)
        {
            items.Add(value);
        }

        return items;
    }

    /// <summary>Members of a list of structures, each as a view whose names are relative to the member.</summary>
    public IReadOnlyList<QueryParameters> GetStructList(string name)
    {
        var items = new List<QueryParameters>();
        for (var i = 1; ; i++)
        {
            var prefix = $"{name}.member.{i}.";
            var member = values.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal);
            if (member.Count == 0)
            {
                return items;
            }

            items.Add(new QueryParameters(member));
        }
    }

    /// <summary>A nested structure (<c>Matcher.HttpCode</c>) as a view relative to it.</summary>
    public QueryParameters GetStruct(string name)
    {
        var prefix = name + ".";
        return new QueryParameters(values.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal));
    }

    public bool Has(string prefix) => values.Keys.Any(key => key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static string ToCamel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
}
