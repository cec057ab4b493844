namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>TLS-style name matching: <c>*.example.com</c> covers exactly one extra label.</summary>
public static class HostNameMatcher
{
    public static bool Matches(string pattern, string hostName)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(hostName);
        var host = hostName.TrimEnd('.');
        var name = pattern.TrimEnd('.');
        if (!name.StartsWith("*.", StringComparison.Ordinal))
        {
            return string.Equals(name, host, StringComparison.OrdinalIgnoreCase);
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(host[(dot + 1)..], name[2..], StringComparison.OrdinalIgnoreCase);
    }
}
