using System.Globalization;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

/// <summary>A target group's success codes: "200", "200,403", "200-299" (ranges and lists may mix).</summary>
public static class HttpCodeMatcher
{
    public static bool IsValid(string matcher) =>
        !string.IsNullOrWhiteSpace(matcher) && matcher.Split(',').All(part => TryParseRange(part, out _, out _));

    public static bool Matches(string matcher, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.Split(',').Any(part => TryParseRange(part, out var low, out var high) && low <= statusCode && statusCode <= high);
    }

    private static bool TryParseRange(string part, out int low, out int high)
    {
        var bounds = part.Trim().Split('-');
        low = high = 0;
        return bounds.Length switch
        {
            1 => int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out low) && (high = low) is >= 200 and <= 499,
            2 => int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out low)
                && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out high)
                && low is >= 200 and <= 499 && high is >= 200 and <= 499 && low <= high,
            _ => false,
        };
    }
}
