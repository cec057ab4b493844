namespace PrivateApiEdge.Sandbox.State;

/// <summary>Tag lists read from a request, whatever the protocol spelled them as.</summary>
public static class SandboxTags
{
    /// <summary>
    /// The tags in request order. A key given twice keeps its last value, unless <paramref name="duplicateKey"/>
    /// says which error the service answers instead (ELB refuses duplicates, CloudFront takes the last).
    /// </summary>
    public static List<SandboxTag> From(IEnumerable<(string Key, string? Value)> pairs, Func<string, Exception>? duplicateKey = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var tags = new List<SandboxTag>();
        foreach (var (key, value) in pairs)
        {
            if (tags.Any(t => t.Key == key))
            {
                if (duplicateKey is not null)
                {
                    throw duplicateKey(key);
                }

                tags.RemoveAll(t => t.Key == key);
            }

            tags.Add(new SandboxTag(key, value ?? ""));
        }

        return tags;
    }
}
