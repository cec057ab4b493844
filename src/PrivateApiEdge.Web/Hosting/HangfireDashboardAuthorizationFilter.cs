using Hangfire.Dashboard;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>The Hangfire dashboard can enqueue, delete and retry jobs: admins only.</summary>
public sealed class HangfireDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(PortalRoles.Admin);
    }
}
