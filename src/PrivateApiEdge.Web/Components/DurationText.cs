using System.Globalization;

namespace PrivateApiEdge.Web.Components;

/// <summary>Durations as people read them: "42 s", "3 min 5 s", "1 h 12 min".</summary>
public static class DurationText
{
    public static string Of(TimeSpan duration) =>
        duration.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes} min")
        : duration.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes} min {duration.Seconds} s")
        : duration.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)duration.TotalMilliseconds)} ms");
}
