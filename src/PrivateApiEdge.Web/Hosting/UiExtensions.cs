using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using PrivateApiEdge.Web.Features.Connectivity;
using PrivateApiEdge.Web.Components.Pages.Deployments;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Notifications;

namespace PrivateApiEdge.Web.Hosting;

public static class UiExtensions
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        // Build output keeps library assets (MudBlazor's _content, blazor.web.js) in NuGet folders listed by a
        // manifest that ASP.NET Core reads only in Development; reading it always lets `dotnet run` and any
        // Production start from bin serve them. Publish output has no such manifest (the files sit in wwwroot), so
        // there this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Bottom right: top-right snackbars would cover the page's action buttons under the app bar.
        builder.Services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        builder.Services.AddHttpClient();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ConnectivityService>();
        builder.Services.AddScoped<DashboardService>();
        builder.Services.AddScoped<DeploymentOutcomes>();
        builder.Services.AddScoped<DeploymentFormLookups>();
        builder.Services.AddSingleton<StepDurationEstimates>();
        return builder;
    }
}
