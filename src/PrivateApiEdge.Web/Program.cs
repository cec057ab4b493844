using PrivateApiEdge.Web.Components;
using PrivateApiEdge.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalDatabase();
builder.AddAwsAccess();
builder.AddBackgroundJobs();
builder.AddProgressFeed();
builder.AddProvisioning();
builder.AddPortalAuthentication();
builder.AddPortalHealthChecks();
builder.AddObservability();
builder.AddPortalUi();
builder.AddPortalApi();

var app = builder.Build();

await app.MigratePortalDatabaseAsync();

app.UsePortalErrorHandling();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapPortalHealthChecks();
if (InstanceRoles.Of(app.Configuration) != InstanceRole.Worker)
{
    app.MapStaticAssets().AllowAnonymous();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapPortalAccountEndpoints();
    app.MapBackgroundJobsDashboard();
    app.MapPortalApi();
}

await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can host the portal in tests.</summary>
public partial class Program;
