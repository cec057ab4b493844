using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace PrivateApiEdge.UnitTests.Components;

/// <summary>
/// Base for component tests: MudBlazor services registered once, loose JS interop (MudBlazor calls JS for
/// focus and popovers, which bUnit has no browser for) and no transition delays.
/// </summary>
public abstract class PortalComponentTest : BunitContext
{
    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
    }

    /// <summary>Renders MudBlazor's providers (popovers, dialogs, snackbars) that selects and dialogs need.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();
}
