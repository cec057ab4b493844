using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Hosting;

public static class ProgressFeedExtensions
{
    /// <summary>
    /// In-process progress feed on SQLite (one instance); LISTEN/NOTIFY on PostgreSQL, so a browser on any
    /// instance sees steps run by a worker on any other.
    /// </summary>
    public static WebApplicationBuilder AddProgressFeed(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.TryAddSingleton<InProcessDeploymentProgressNotifier>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton(sp => new PostgresDeploymentProgressNotifier(
                database.ConnectionString,
                sp.GetRequiredService<InProcessDeploymentProgressNotifier>(),
                sp.GetRequiredService<ILogger<PostgresDeploymentProgressNotifier>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresDeploymentProgressNotifier>());
            builder.Services.AddSingleton<IDeploymentProgressNotifier>(sp => sp.GetRequiredService<PostgresDeploymentProgressNotifier>());
        }
        else
        {
            builder.Services.AddSingleton<IDeploymentProgressNotifier>(sp => sp.GetRequiredService<InProcessDeploymentProgressNotifier>());
        }

        return builder;
    }
}
