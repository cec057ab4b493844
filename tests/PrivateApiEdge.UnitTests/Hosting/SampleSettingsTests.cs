using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.UnitTests.Hosting;

/// <summary>appsettings.sample.json promises to document every setting with its default; this keeps it honest.</summary>
public sealed class SampleSettingsTests
{
    public static TheoryData<string, string> Settings()
    {
        var data = new TheoryData<string, string>();
        var optionTypes = new[] { typeof(AwsOptions).Assembly, typeof(SandboxOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });
        foreach (var type in optionTypes)
        {
            var section = (string)type.GetField("SectionName")!.GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsBindable))
            {
                data.Add(section, property.Name);
            }
        }

        return data;
    }

    /// <summary>What configuration binding fills: settable values and collections (not code-only seams such as a clock).</summary>
    private static bool IsBindable(PropertyInfo property) =>
        !(property.PropertyType.IsClass && property.PropertyType.IsAbstract)
        && (property.CanWrite || property.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)));

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_option_is_documented_in_the_sample_settings(string section, string key)
    {
        var node = Sample();
        foreach (var part in section.Split(':'))
        {
            node = node?[part];
        }

        Assert.True(node is JsonObject obj && obj.ContainsKey(key), $"appsettings.sample.json lacks {section}:{key}");
    }

    [Fact]
    public void The_sample_settings_parse_with_comments()
    {
        Assert.NotNull(Sample()["Database"]);
    }

    private static JsonNode Sample()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PrivateApiEdge.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        var text = File.ReadAllText(Path.Combine(root, "appsettings.sample.json"));
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
    }
}
