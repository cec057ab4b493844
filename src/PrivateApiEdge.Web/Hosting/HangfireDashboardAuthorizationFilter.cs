using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>The Hangfire dashboard can enqueue, delete and retry jobs: the same admin policy as the portal's admin pages.</summary>
public sealed class HangfireDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, AuthExtensions.AdminPolicy)).Succeeded;
    }
}
