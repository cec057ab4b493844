using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Hosting;

public static class AuthExtensions
{
    /// <summary>Role admin: every deployment, users, the audit log and the Hangfire dashboard.</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>Role requester or admin: creates deployments and acts on the ones they may see.</summary>
    public const string RequesterPolicy = "Requester";

    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/access-denied";
    public const string OidcLoginPath = "/account/login/oidc";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.SectionName)
            .Validate(o => !o.IsEnabled || !string.IsNullOrWhiteSpace(o.ClientId), "Authentication:Oidc:ClientId is required with an Authority.")
            .ValidateOnStart();
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName);

        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = LoginPath;
                cookie.AccessDeniedPath = AccessDeniedPath;
                cookie.Cookie.Name = "PrivateApiEdge.Auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = ValidateBuiltInAccountAsync;
            });
        if (oidc.IsEnabled)
        {
            authentication.AddOpenIdConnect(options => ConfigureOidc(options, oidc));
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(PortalRoles.Admin))
            .AddPolicy(RequesterPolicy, policy => policy.RequireRole(PortalRoles.Requester, PortalRoles.Admin))
            // Anything not explicitly opened ([AllowAnonymous]: sign-in pages, static assets, /health) needs a user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, AccountRevalidatingAuthenticationStateProvider>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentPortalUser>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddSingleton<AdminBootstrap>();
        builder.Services.AddScoped<AccountService>();
        if (!oidc.IsEnabled && InstanceRoles.Of(builder.Configuration) != InstanceRole.Worker)
        {
            builder.Services.AddHostedService<AdminBootstrapAnnouncer>();
        }

        return builder;
    }

    /// <summary>Sign-out (a form post with an antiforgery token) and the OIDC challenge.</summary>
    public static WebApplication MapPortalAccountEndpoints(this WebApplication app)
    {
        app.MapPost(LogoutPath, async (HttpContext context, AuditLog audit) =>
        {
            // The antiforgery middleware checked the token (RequireAntiforgeryToken below); a forged post changes nothing.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // With a body, so the status-code pages do not re-run the (unverified) form post against another page.
                return Results.Text("The sign-out form has expired. Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsync(new AuditEntry(PortalUser.FromPrincipal(context.User).Id, AuditActions.SignOut, AuditOutcome.Succeeded), CancellationToken.None);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(LoginPath);
        }).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet(OidcLoginPath, (HttpContext context, string? returnUrl) =>
        {
            var oidc = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OidcOptions>>().Value;
            return oidc.IsEnabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.Sanitize(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.NotFound();
        }).AllowAnonymous();
        return app;
    }

    internal static void ConfigureOidc(OpenIdConnectOptions options, OidcOptions oidc)
    {
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        // The portal keeps only its own claims (see OidcClaimsMapper); tokens never go into the cookie.
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.Scope.Clear();
        foreach (var scope in oidc.ScopesToRequest())
        {
            options.Scope.Add(scope);
        }

        options.Events.OnTokenValidated = async context =>
        {
            context.Principal = OidcClaimsMapper.Map(context.Principal!, oidc);
            var user = PortalUser.FromPrincipal(context.Principal);
            await context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(new AuditEntry(user.Id, AuditActions.SignIn, AuditOutcome.Succeeded, "Signed in through OpenID Connect."), CancellationToken.None);
        };
    }

    /// <summary>A built-in account's cookie stops working once the account is disabled or its role or password changes.</summary>
    private static async Task ValidateBuiltInAccountAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(AccountService.SecurityStampClaim) is null)
        {
            return;
        }

        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (!await accounts.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
