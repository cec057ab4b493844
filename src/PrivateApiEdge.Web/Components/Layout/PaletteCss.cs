using System.Globalization;
using System.Text;
using MudBlazor;
using MudBlazor.Utilities;

namespace PrivateApiEdge.Web.Components.Layout;

/// <summary>
/// A palette as the <c>--mud-palette-*</c> custom properties MudBlazor's stylesheet reads, for pages without a
/// circuit: there <see cref="MudThemeProvider"/> can only write the light palette, so the dark one goes under a
/// <c>prefers-color-scheme</c> media query instead.
/// </summary>
public static class PaletteCss
{
    public static string Variables(Palette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        var css = new StringBuilder();
        foreach (var property in palette.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = $"--mud-palette-{Kebab(property.Name)}";
            switch (property.GetValue(palette))
            {
                case MudColor color:
                    css.Append(CultureInfo.InvariantCulture, $"{name}: {color.ToString(MudColorOutputFormats.RGBA)}; ");
                    css.Append(CultureInfo.InvariantCulture, $"{name}-rgb: {color.ToString(MudColorOutputFormats.ColorElements)}; ");
                    break;
                case string text when !string.IsNullOrWhiteSpace(text):
                    css.Append(CultureInfo.InvariantCulture, $"{name}: {text}; ");
                    break;
            }
        }

        return css.ToString();
    }

    private static string Kebab(string name)
    {
        var kebab = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}
