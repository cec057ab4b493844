using System.Globalization;

namespace PrivateApiEdge.Web.Components;

/// <summary>Timestamps in UTC, compact for table cells ("Nov 25, 04:30") and in full for their tooltips.</summary>
public static class DateText
{
    public static string Compact(DateTimeOffset value) =>
        value.UtcDateTime.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture);

    public static string Full(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
