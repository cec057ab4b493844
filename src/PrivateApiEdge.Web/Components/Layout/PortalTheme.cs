using MudBlazor;

namespace PrivateApiEdge.Web.Components.Layout;

/// <summary>
/// One theme for the portal; AWS-orange accents so the console links feel familiar. The status colours are darker
/// (light mode) or lighter (dark mode) than MudBlazor's defaults so text in them, on them and on their tints reaches
/// WCAG AA's 4.5:1; filled chips and buttons in dark mode carry dark text for the same reason.
/// </summary>
public static class PortalTheme
{
    private const string DarkText = "rgba(0,0,0,0.87)";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#232f3e",
            Secondary = "#ff9900",
            SecondaryContrastText = DarkText,
            AppbarBackground = "#232f3e",
            Success = "#1b6e2a",
            Error = "#c62828",
            Info = "#1565c0",
            Warning = "#9a4d00",
            TextSecondary = "rgba(0,0,0,0.66)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ffb84d",
            PrimaryContrastText = DarkText,
            Secondary = "#ff9900",
            SecondaryContrastText = DarkText,
            AppbarBackground = "#161e2d",
            Success = "#81c784",
            SuccessContrastText = DarkText,
            Error = "#ff8a80",
            ErrorContrastText = DarkText,
            Info = "#90caf9",
            InfoContrastText = DarkText,
            Warning = "#ffb74d",
            WarningContrastText = DarkText,
            // Alerts write their text in the "darken" shade, which on a dark tint must be lighter, not darker.
            SuccessDarken = "#a5d6a7",
            ErrorDarken = "#ffb4ab",
            InfoDarken = "#bbdefb",
            WarningDarken = "#ffcc80",
            TextSecondary = "rgba(255,255,255,0.72)",
        },
    };
}
