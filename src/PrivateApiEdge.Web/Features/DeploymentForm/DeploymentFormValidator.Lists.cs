using System.Text.RegularExpressions;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>The rules for the fields the user types as lists: geo-restriction country codes and tags.</summary>
public static partial class DeploymentFormValidator
{
    public const int MaxUserTags = 40;

    /// <summary>Half of the 249 assigned codes, rounded up: any wider allow list is a narrower block list, and the reverse.</summary>
    public const int MaxGeoRestrictionCountries = 125;

    public static string? GeoRestrictionCountries(GeoRestrictionKind kind, string? countries)
    {
        var typed = CountryTokens(countries);
        if (kind == GeoRestrictionKind.None)
        {
            return typed.Length == 0 ? null : "Choose allow or block for the listed countries, or clear the list.";
        }

        if (typed.Length == 0)
        {
            return "List at least one country code, e.g. DE, FR.";
        }

        if (ContainsMarkup(countries))
        {
            return MarkupMessage;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in typed)
        {
            var code = token.ToUpperInvariant();
            if (IsoCountryCodes.CommonMistakes.TryGetValue(code, out var meant))
            {
                return $"'{token}' is not an ISO 3166-1 alpha-2 country code; use {meant}.";
            }

            if (!CountryPattern().IsMatch(code))
            {
                return $"'{token}' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE).";
            }

            if (!IsoCountryCodes.All.Contains(code))
            {
                return $"'{token}' is not an assigned ISO 3166-1 alpha-2 country code.";
            }

            if (!seen.Add(code))
            {
                return $"'{code}' appears twice.";
            }
        }

        return seen.Count <= MaxGeoRestrictionCountries
            ? null
            : kind == GeoRestrictionKind.Allow
                ? $"At most {MaxGeoRestrictionCountries} countries ({seen.Count} listed): switch to block and list the countries to shut out instead."
                : $"At most {MaxGeoRestrictionCountries} countries ({seen.Count} listed): switch to allow and list the countries to let in instead.";
    }

    /// <summary>The codes as CloudFront wants them: upper case, each once, in the order typed.</summary>
    public static IReadOnlyList<string> CountryCodes(string? countries) =>
        [.. CountryTokens(countries).Select(code => code.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    private static string[] CountryTokens(string? countries) =>
        (countries ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Tags(string? text)
    {
        if (UnsafeText.Problem(text, allowLineBreaks: true) is { } unsafeText)
        {
            return unsafeText;
        }

        var tags = FormTags.Parse(text);
        if (tags.Count > MaxUserTags)
        {
            return $"At most {MaxUserTags} tags (AWS allows 50 per resource, the portal adds its own).";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 128)
            {
                return "Each line is key=value with a key of 1-128 characters.";
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("privateapiedge:", StringComparison.OrdinalIgnoreCase))
            {
                return $"'{key}': the prefixes aws: and privateapiedge: are reserved.";
            }

            if (value.Length > 256)
            {
                return $"'{key}': a tag value has at most 256 characters.";
            }

            if (!TagTextPattern().IsMatch(key) || !TagTextPattern().IsMatch(value))
            {
                return $"'{key}': tags allow letters, digits, spaces and _ . : / = + - @ only.";
            }

            if (!seen.Add(key))
            {
                return $"'{key}' appears twice.";
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$")]
    private static partial Regex TagTextPattern();
}
