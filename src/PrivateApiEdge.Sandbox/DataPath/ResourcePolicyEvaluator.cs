using System.Text.Json;
using System.Text.RegularExpressions;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// Evaluates an API Gateway resource policy for an anonymous <c>execute-api:Invoke</c> the way IAM does: an
/// explicit Deny wins, otherwise an Allow is needed. Supports the Principal/Action/Resource wildcards and the
/// String* condition operators on keys such as <c>aws:SourceVpce</c> and <c>aws:SourceVpc</c>.
/// </summary>
public static class ResourcePolicyEvaluator
{
    public static PolicyDecision Evaluate(string? policy, string methodArn, string shortResource, IReadOnlyDictionary<string, string> context)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return PolicyDecision.ImplicitDeny;
        }

        JsonElement document;
        try
        {
            document = Parse(policy);
        }
        catch (JsonException)
        {
            return PolicyDecision.ImplicitDeny;
        }

        var statements = document.TryGetProperty("Statement", out var s)
            ? s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [s]
            : [];
        var allowed = false;
        foreach (var statement in statements)
        {
            if (!Applies(statement, methodArn, shortResource, context))
            {
                continue;
            }

            if (string.Equals(Text(statement, "Effect"), "Deny", StringComparison.OrdinalIgnoreCase))
            {
                return PolicyDecision.ExplicitDeny;
            }

            allowed |= string.Equals(Text(statement, "Effect"), "Allow", StringComparison.OrdinalIgnoreCase);
        }

        return allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }

    /// <summary>API Gateway hands policies back JSON-escaped (<c>{\"Version\"...</c>); accept both forms.</summary>
    private static JsonElement Parse(string policy)
    {
        try
        {
            return JsonDocument.Parse(policy).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(Regex.Unescape(policy)).RootElement.Clone();
        }
    }

    private static bool Applies(JsonElement statement, string methodArn, string shortResource, IReadOnlyDictionary<string, string> context)
    {
        var principalMatches = statement.TryGetProperty("Principal", out var principal)
            && (principal.ValueKind == JsonValueKind.String
                ? principal.GetString() == "*"
                : principal.TryGetProperty("AWS", out var aws) && Values(aws).Contains("*"));
        var actionMatches = statement.TryGetProperty("Action", out var action)
            && Values(action).Any(a => Wildcard(a, "execute-api:Invoke"));
        var resourceMatches = statement.TryGetProperty("Resource", out var resource)
            && Values(resource).Any(r => Wildcard(r, methodArn) || Wildcard(r, shortResource));
        return principalMatches && actionMatches && resourceMatches
            && (!statement.TryGetProperty("Condition", out var condition) || ConditionsHold(condition, context));
    }

    private static bool ConditionsHold(JsonElement condition, IReadOnlyDictionary<string, string> context)
    {
        foreach (var block in condition.EnumerateObject())
        {
            var op = block.Name.Replace("IfExists", "", StringComparison.Ordinal);
            foreach (var key in block.Value.EnumerateObject())
            {
                var present = context.TryGetValue(key.Name.ToLowerInvariant(), out var actual);
                if (!present)
                {
                    if (block.Name.EndsWith("IfExists", StringComparison.Ordinal) || op.StartsWith("StringNot", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    return false;
                }

                var expected = Values(key.Value);
                var holds = op switch
                {
                    "StringEquals" => expected.Any(e => string.Equals(e, actual, StringComparison.Ordinal)),
                    "StringNotEquals" => expected.All(e => !string.Equals(e, actual, StringComparison.Ordinal)),
                    "StringEqualsIgnoreCase" => expected.Any(e => string.Equals(e, actual, StringComparison.OrdinalIgnoreCase)),
                    "StringLike" => expected.Any(e => Wildcard(e, actual!)),
                    "StringNotLike" => expected.All(e => !Wildcard(e, actual!)),
                    _ => false,
                };
                if (!holds)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<string> Values(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => [.. element.EnumerateArray().Select(e => e.GetString()).OfType<string>()],
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Wildcard(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

public enum PolicyDecision
{
    Allow,
    ImplicitDeny,
    ExplicitDeny,
}
