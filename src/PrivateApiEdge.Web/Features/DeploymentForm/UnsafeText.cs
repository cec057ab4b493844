using System.Globalization;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// Characters no field of a deployment needs and attackers love: null bytes and other control characters, invisible
/// and direction-changing format characters (they make a value look different from what is stored), unpaired
/// surrogates (they break every encoder downstream) and markup. Field rules call this first, so the message names
/// the offending character instead of a generic "invalid value".
/// </summary>
public static class UnsafeText
{
    public const string MarkupMessage = "Markup (< or >) is not allowed here.";

    /// <summary>Characters that render as nothing (or as a plain space) but are not what they look like.</summary>
    private static readonly Dictionary<char, string> InvisibleNames = new()
    {
        ['\u00A0'] = "no-break space",
        ['\u00AD'] = "soft hyphen",
        ['\u034F'] = "combining grapheme joiner",
        ['\u115F'] = "Hangul choseong filler",
        ['\u1160'] = "Hangul jungseong filler",
        ['\u180E'] = "Mongolian vowel separator",
        ['\u200B'] = "zero-width space",
        ['\u200C'] = "zero-width non-joiner",
        ['\u200D'] = "zero-width joiner",
        ['\u200E'] = "left-to-right mark",
        ['\u200F'] = "right-to-left mark",
        ['\u2028'] = "line separator",
        ['\u2029'] = "paragraph separator",
        ['\u202A'] = "left-to-right embedding",
        ['\u202B'] = "right-to-left embedding",
        ['\u202C'] = "pop directional formatting",
        ['\u202D'] = "left-to-right override",
        ['\u202E'] = "right-to-left override",
        ['\u2060'] = "word joiner",
        ['\u2066'] = "left-to-right isolate",
        ['\u2067'] = "right-to-left isolate",
        ['\u2068'] = "first strong isolate",
        ['\u2069'] = "pop directional isolate",
        ['\u3164'] = "Hangul filler",
        ['\uFEFF'] = "zero-width no-break space (byte order mark)",
        ['\uFFA0'] = "halfwidth Hangul filler",
    };

    /// <summary>The first problem of <paramref name="value"/>, or null when it holds none of the characters above.</summary>
    /// <param name="value">The raw field text.</param>
    /// <param name="allowLineBreaks">Multi-line fields (tags) may hold CR and LF; everything else may not.</param>
    public static string? Problem(string? value, bool allowLineBreaks = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "Contains a null byte (U+0000); remove it.";
            }

            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r'))
            {
                return $"Contains the control character {CodePoint(c)}{(c == '\t' ? " (tab)" : c is '\n' or '\r' ? " (line break)" : "")}; remove it.";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"Contains a broken character (unpaired surrogate {CodePoint(c)}); retype the value.";
            }

            if (InvisibleNames.TryGetValue(c, out var name) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"Contains the invisible character {CodePoint(c)} ({name ?? "format character"}); retype the value without it.";
            }
        }

        return value.AsSpan().IndexOfAny('<', '>') >= 0 ? MarkupMessage : null;
    }

    public static string CodePoint(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
