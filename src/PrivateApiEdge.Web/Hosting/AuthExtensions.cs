using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Hosting;

public static class AuthExtensions
{
    /// <summary>Role admin: every deployment, users, the audit log and the Hangfire dashboard.</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>Role requester or admin: creates deployments and acts on the ones they may see.</summary>
    public const string RequesterPolicy = "Requester";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/account/login";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(PortalRoles.Admin))
            .AddPolicy(RequesterPolicy, policy => policy.RequireRole(PortalRoles.Requester, PortalRoles.Admin))
            // Anything not explicitly opened ([AllowAnonymous]: sign-in pages, static assets, /health) needs a user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<CurrentPortalUser>();
        return builder;
    }
}
