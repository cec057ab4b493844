using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivateApiEdge.IntegrationTests.Hosting;

namespace PrivateApiEdge.IntegrationTests.Users;

/// <summary>
/// The OpenID Connect wiring as configured. No identity provider is reachable here, so the round trip to a real
/// provider is not tested; the claims mapping is unit-tested in OidcClaimsMapperTests.
/// </summary>
public sealed class OidcConfigurationTests
{
    [Fact]
    public async Task With_an_authority_the_oidc_handler_is_registered_with_code_flow_pkce_and_the_configured_scopes()
    {
        await using var portal = new OidcPortal();

        var schemes = portal.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var options = portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.NotNull(await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
        Assert.Equal("https://idp.example.test/tenant", options.Authority);
        Assert.Equal("edge-portal", options.ClientId);
        Assert.Equal("from-the-environment", options.ClientSecret);
        Assert.Equal("code", options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.False(options.SaveTokens);
        Assert.Equal(["groups", "openid", "profile"], options.Scope.Order(StringComparer.Ordinal));
        Assert.Equal("Cookies", options.SignInScheme);
    }

    [Fact]
    public async Task With_an_identity_provider_the_sign_in_page_offers_it_and_built_in_setup_does_not_exist()
    {
        await using var portal = new OidcPortal();
        using var client = portal.CreateAnonymousClient();
        var ct = TestContext.Current.CancellationToken;

        var login = await client.GetStringAsync(new Uri("/account/login?ReturnUrl=%2Fdeployments", UriKind.Relative), ct);
        using var setup = await client.GetAsync(new Uri("/account/setup", UriKind.Relative), ct);

        Assert.Contains("data-testid=\"sign-in-oidc\"", login, StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-password", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
    }

    private sealed class OidcPortal : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:Oidc:Authority", "https://idp.example.test/tenant");
            builder.UseSetting("Authentication:Oidc:ClientId", "edge-portal");
            builder.UseSetting("Authentication:Oidc:ClientSecret", "from-the-environment");
            builder.UseSetting("Authentication:Oidc:Scopes:0", "openid");
            builder.UseSetting("Authentication:Oidc:Scopes:1", "profile");
            builder.UseSetting("Authentication:Oidc:Scopes:2", "groups");
        }
    }
}
