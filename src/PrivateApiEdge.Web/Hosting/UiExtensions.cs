using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PrivateApiEdge.Web.Features.Connectivity;
using PrivateApiEdge.Web.Features.Dashboard;

namespace PrivateApiEdge.Web.Hosting;

public static class UiExtensions
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHttpClient();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ConnectivityService>();
        builder.Services.AddScoped<DashboardService>();
        return builder;
    }
}
