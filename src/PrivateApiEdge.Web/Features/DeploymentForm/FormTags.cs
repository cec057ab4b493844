namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>Parses the form's <c>key=value</c> lines into tags; <see cref="DeploymentFormValidator"/> reports the errors.</summary>
public static class FormTags
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text)
    {
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var line in Lines(text))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            tags.Add(separator < 0
                ? new KeyValuePair<string, string>(line, "")
                : new KeyValuePair<string, string>(line[..separator].Trim(), line[(separator + 1)..].Trim()));
        }

        return tags;
    }

    internal static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
