using MudBlazor;

namespace PrivateApiEdge.Web.Components.Layout;

/// <summary>One theme for the portal; AWS-orange accents so the console links feel familiar.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#232f3e",
            Secondary = "#ff9900",
            AppbarBackground = "#232f3e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ffb84d",
            Secondary = "#ff9900",
            AppbarBackground = "#161e2d",
        },
    };
}
