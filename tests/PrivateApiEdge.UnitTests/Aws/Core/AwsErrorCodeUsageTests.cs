using System.Reflection;
using System.Text.RegularExpressions;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

/// <summary>
/// Code that branches on an AWS error code uses the constants of the API's <c>&lt;Service&gt;ErrorCodes</c> class
/// (or <see cref="AwsCommonErrorCodes"/>), never a string literal: a misspelt literal compiles and silently never
/// matches, and a constant is the one place to find every caller of a code.
/// </summary>
public sealed partial class AwsErrorCodeUsageTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Catalog = new(() => typeof(AwsApiException).Assembly.GetTypes()
        .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Code: (string)f.GetRawConstantValue()!, Name: $"{t.Name}.{f.Name}")))
        .GroupBy(c => c.Code, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => string.Join(" or ", g.Select(c => c.Name)), StringComparer.Ordinal));

    [Fact]
    public void Every_api_has_an_error_code_class_whose_codes_the_portal_can_name()
    {
        var classes = typeof(AwsApiException).Assembly.GetTypes().Where(t => t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal)).Select(t => t.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "ApiGatewayErrorCodes", "CertificateManagerErrorCodes", "CloudFrontErrorCodes", "Ec2ErrorCodes", "ElasticLoadBalancingErrorCodes", "Route53ErrorCodes", "StsErrorCodes" },
            classes);
        Assert.Equal("Ec2ErrorCodes.InvalidPermissionDuplicate", Catalog.Value["InvalidPermission.Duplicate"]);
    }

    [Fact]
    public void Portal_code_outside_the_aws_clients_never_spells_an_aws_error_code_as_a_literal()
    {
        var web = Path.Combine(AwsModel.RepositoryRoot(), "src", "PrivateApiEdge.Web");
        var clients = Path.Combine(web, "Aws") + Path.DirectorySeparatorChar;
        var violations = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Where(path => !path.StartsWith(clients, StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Violations(File.ReadAllText(path)).Select(v => $"{Path.GetRelativePath(web, path)}:{v}"))
            .ToList();

        Assert.True(violations.Count == 0, "Use the <Service>ErrorCodes constants instead of literals:\n" + string.Join('\n', violations));
    }

    [Theory]
    [InlineData("""catch (AwsApiException ex) when (ex.Is("DependencyViolation"))""")]
    [InlineData("""catch (AwsApiException ex) when (ex.Is(Ec2ErrorCodes.DependencyViolation, "SomeFutureCode"))""")]
    [InlineData("""if (ex.ErrorCode == "AnyCodeAtAll") { }""")]
    [InlineData("""if ("AnyCodeAtAll" != ex.ErrorCode) { }""")]
    [InlineData("""return ex.ErrorCode is "NoSuchThing" or "Other";""")]
    [InlineData("""await IdempotentAwsCalls.IgnoreDuplicateAsync(() => ec2.AuthorizeAsync(request, ct), "InvalidPermission.Duplicate");""")]
    [InlineData("""await IdempotentAwsCalls.IgnoreDuplicateAsync(() => api.PutAsync(new("GET"), ct), "NotYetACatalogedCode");""")]
    public void The_scan_catches_a_literal_error_code(string line) =>
        Assert.NotEmpty(Violations(line));

    [Theory]
    [InlineData("""catch (AwsApiException ex) when (ex.Is(Ec2ErrorCodes.DependencyViolation))""")]
    [InlineData("""await IdempotentAwsCalls.IgnoreDuplicateAsync(() => api.PutMethodAsync(new PutMethodRequest(id, root, "GET"), ct), ApiGatewayErrorCodes.Conflict);""")]
    [InlineData("""var message = $"{ex.ErrorCode}: {ex.AwsMessage}";""")]
    [InlineData("""if (distribution.Status != "Deployed") { }""")]
    [InlineData("""|| ex.ErrorCode.EndsWith("NotFoundException", StringComparison.Ordinal)""")]
    public void The_scan_lets_constants_and_other_strings_through(string line) =>
        Assert.Empty(Violations(line));

    private static IEnumerable<string> Violations(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match literal in StringLiteral().Matches(line))
            {
                // A suffix or prefix rule ("...NotFoundException" in any API) names a family, not one API's code.
                var isAffix = line[..literal.Index].EndsWith("With(", StringComparison.Ordinal);
                if (!isAffix && Catalog.Value.TryGetValue(literal.Groups[1].Value, out var constant))
                {
                    yield return $"{i + 1}: \"{literal.Groups[1].Value}\" is {constant}";
                }
            }

            if (LiteralComparison().IsMatch(line))
            {
                yield return $"{i + 1}: an error code compared with a literal: {line.Trim()}";
            }
        }

        // The duplicate codes are the call's last arguments, often lines below its start.
        foreach (Match call in IgnoreDuplicateCall().Matches(source))
        {
            if (TrailingLiteralArgument().IsMatch(call.Value))
            {
                yield return $"{source[..call.Index].Count(c => c == '\n') + 1}: IgnoreDuplicateAsync with a literal code";
            }
        }
    }

    [GeneratedRegex(@"(?<![\w@$])""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"ErrorCode\s*(==|!=)\s*""|""\s*(==|!=)\s*[\w.?]*ErrorCode\b|ErrorCode\s+is\s+(not\s+)?""|\.Is\([^()]*""")]
    private static partial Regex LiteralComparison();

    [GeneratedRegex(@"IgnoreDuplicateAsync\([^;]*;")]
    private static partial Regex IgnoreDuplicateCall();

    [GeneratedRegex(@",\s*""[^""]*""\s*\)\s*;$")]
    private static partial Regex TrailingLiteralArgument();
}
