namespace PrivateApiEdge.Web.Features.Preflight;

/// <summary>DNS name comparisons as ACM, CloudFront and Route 53 make them.</summary>
public static class DomainNames
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>
    /// Whether a certificate name covers <paramref name="domain"/>: an exact match, or a wildcard <c>*.parent</c>
    /// matching exactly one extra label (<c>*.example.com</c> covers <c>api.example.com</c>, not <c>example.com</c>
    /// nor <c>a.b.example.com</c>).
    /// </summary>
    public static bool Covers(string certificateName, string domain)
    {
        var pattern = Normalize(certificateName);
        var name = Normalize(domain);
        if (pattern == name)
        {
            return true;
        }

        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }

        var firstDot = name.IndexOf('.', StringComparison.Ordinal);
        return firstDot > 0 && name[(firstDot + 1)..] == pattern[2..];
    }

    /// <summary>Whether <paramref name="zone"/> is <paramref name="domain"/> or one of its parents (label boundary).</summary>
    public static bool IsInZone(string domain, string zone)
    {
        var name = Normalize(domain);
        var zoneName = Normalize(zone);
        return name == zoneName || name.EndsWith("." + zoneName, StringComparison.Ordinal);
    }
}
