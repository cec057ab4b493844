using Microsoft.AspNetCore.Authentication.Cookies;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Hosting;

public static class AuthExtensions
{
    public const string AdminPolicy = "Admin";

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
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(PortalRoles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }
}
