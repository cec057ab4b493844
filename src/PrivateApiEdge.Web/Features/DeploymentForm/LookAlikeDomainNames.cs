using System.Globalization;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// Unicode in domain names. The portal keeps every domain in its ASCII form (CloudFront aliases, ACM names and
/// Route 53 records are ASCII, so what the user reads is exactly what gets configured): an internationalized name is
/// entered as punycode (<c>xn--</c> labels). What a label decodes to must not impersonate another name: no mixing
/// of scripts within a label (Latin with Cyrillic...), and no label written wholly in non-Latin letters that look
/// Latin (Cyrillic "аре" passing for "ape"). Full-width and ideographic dots are rejected rather than mapped, so
/// the label boundaries are the ones the user typed.
/// </summary>
public static class LookAlikeDomainNames
{
    private static readonly Dictionary<char, string> DotLookAlikes = new()
    {
        ['\u3002'] = "ideographic full stop",
        ['\uFF0E'] = "fullwidth full stop",
        ['\uFF61'] = "halfwidth ideographic full stop",
        ['\u2024'] = "one dot leader",
        ['\u00B7'] = "middle dot",
        ['\u2027'] = "hyphenation point",
        ['\u0701'] = "Syriac supralinear full stop",
    };

    /// <summary>
    /// Letters of other scripts that render like a Latin letter (a subset of Unicode's confusables.txt): Cyrillic,
    /// then Greek, then Armenian, each above the Latin letter it imitates.
    /// </summary>
    private static readonly Dictionary<char, char> LatinLookAlikes = Pairs(
        "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04BB\u051B\u051D\u04CF\u04AF\u0432\u043A\u043C\u043D\u0442\u0491\u0457\u0450" +
        "\u03BF\u03B1\u03BD\u03B9\u03BA\u03C1\u03C5\u03C7\u03B5\u03C4\u03B7" +
        "\u0585\u0578\u057D\u0570\u0581\u0566",
        "aeopcyxijsdhqwlybkmhtrie" +
        "oavikpuxetn" +
        "onuhgq");

    /// <summary>Scripts that may share a label (UTS #39 "highly restrictive"): Japanese and Korean mix with Han.</summary>
    private static readonly HashSet<string>[] AllowedMixes =
    [
        ["Latin", "Han", "Hiragana", "Katakana"],
        ["Latin", "Han", "Hangul"],
        ["Latin", "Han", "Bopomofo"],
    ];

    /// <summary>The first Unicode problem of a domain typed by a user, or null when it is plain ASCII with sound punycode.</summary>
    public static string? Problem(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        foreach (var c in domain)
        {
            if (DotLookAlikes.TryGetValue(c, out var dotName))
            {
                return $"'{c}' ({UnsafeText.CodePoint(c)} {dotName}) is not a dot; separate labels with an ASCII '.'.";
            }

            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                return $"'{c}' ({UnsafeText.CodePoint(c)}) is a full-width character; type the ASCII '{(char)(c - 0xFEE0)}' instead.";
            }
        }

        var labels = domain.TrimEnd('.').Split('.');
        foreach (var label in labels.Where(l => !l.All(char.IsAscii)))
        {
            if (LabelProblem(label, label) is { } problem)
            {
                return problem;
            }
        }

        if (!domain.All(char.IsAscii))
        {
            return AsciiForm(domain) is { } ascii
                ? $"Enter an internationalized domain in its punycode form: {ascii}."
                : "Enter an internationalized domain in its punycode (xn--) form.";
        }

        foreach (var label in labels.Where(l => l.Length >= 4 && l[2] == '-' && l[3] == '-'))
        {
            if (!label.StartsWith("xn--", StringComparison.Ordinal))
            {
                return $"'{label}': labels with '--' in the third and fourth position are reserved for encodings such as xn--.";
            }

            string decoded;
            try
            {
                decoded = new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(label);
            }
            catch (ArgumentException)
            {
                return $"'{label}' is not valid punycode.";
            }

            if (LabelProblem(decoded, label) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The script of a letter (by Unicode block), or null for digits, hyphens and combining marks.</summary>
    public static string? ScriptOf(char c) => c switch
    {
        _ when char.IsAsciiLetter(c) => "Latin",
        _ when !char.IsLetter(c) => null,
        >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF' => "Latin",
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => "Greek",
        >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' or >= '\u2DE0' and <= '\u2DFF' or >= '\uA640' and <= '\uA69F' => "Cyrillic",
        >= '\u0530' and <= '\u058F' => "Armenian",
        >= '\u0590' and <= '\u05FF' => "Hebrew",
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' => "Arabic",
        >= '\u0900' and <= '\u097F' => "Devanagari",
        >= '\u0E00' and <= '\u0E7F' => "Thai",
        >= '\u10A0' and <= '\u10FF' => "Georgian",
        >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' => "Hangul",
        >= '\u3040' and <= '\u309F' => "Hiragana",
        >= '\u30A0' and <= '\u30FF' => "Katakana",
        >= '\u3100' and <= '\u312F' => "Bopomofo",
        >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' => "Han",
        _ => "Other",
    };

    private static string? LabelProblem(string unicodeLabel, string typedLabel)
    {
        var shown = unicodeLabel == typedLabel ? $"'{typedLabel}'" : $"'{typedLabel}' (that is '{unicodeLabel}')";
        // Latin first: the letter to name is the one that does not belong among the Latin ones.
        var scripts = unicodeLabel.Select(ScriptOf).OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderBy(script => script == "Latin" ? 0 : 1).ToList();
        if (scripts.Count > 1 && !AllowedMixes.Any(mix => scripts.All(mix.Contains)))
        {
            var foreign = unicodeLabel.First(c => ScriptOf(c) is { } s && s != scripts[0]);
            var lookAlike = LatinLookAlikes.TryGetValue(foreign, out var latin) ? $", which looks like Latin '{latin}'" : "";
            return $"{shown} mixes {string.Join(" and ", scripts)} letters ('{foreign}' is {ScriptOf(foreign)} {UnsafeText.CodePoint(foreign)}{lookAlike}); " +
                "such names impersonate others, use one script per label.";
        }

        var letters = unicodeLabel.Where(char.IsLetter).ToList();
        if (letters.Count > 0 && scripts is [not "Latin"] && letters.All(LatinLookAlikes.ContainsKey))
        {
            var imitated = new string(unicodeLabel.Select(c => LatinLookAlikes.GetValueOrDefault(c, c)).ToArray());
            return $"{shown} is written in {scripts[0]} letters that look like the Latin '{imitated}'; such names impersonate others.";
        }

        return null;
    }

    private static Dictionary<char, char> Pairs(string foreign, string latin) =>
        foreign.Zip(latin).ToDictionary(p => p.First, p => p.Second);

    private static string? AsciiForm(string domain)
    {
        try
        {
            return new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain.TrimEnd('.'));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
