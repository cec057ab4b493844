using System.Security.Claims;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.UnitTests.Features.Users;

public sealed class OidcClaimsMapperTests
{
    private static OidcOptions Options()
    {
        var options = new OidcOptions { Authority = "https://idp.example.com", ClientId = "portal", GroupClaim = "groups", RoleClaim = "roles" };
        options.AdminValues.Add("edge-admins");
        options.RequesterValues.Add("edge-requesters");
        return options;
    }

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc-token"));

    [Fact]
    public void A_member_of_an_admin_group_becomes_an_admin_named_by_the_user_id_claim()
    {
        var mapped = OidcClaimsMapper.Map(Token(("sub", "8f2c"), ("preferred_username", "alice@example.com"), ("name", "Alice A"), ("groups", "staff"), ("groups", "edge-admins")), Options());

        var user = PortalUser.FromPrincipal(mapped);
        Assert.Equal(new PortalUser("alice@example.com", "Alice A", IsAdmin: true), user);
        Assert.True(mapped.IsInRole(PortalRoles.Admin));
    }

    [Fact]
    public void An_app_role_in_the_role_claim_maps_to_requester()
    {
        var mapped = OidcClaimsMapper.Map(Token(("sub", "1"), ("email", "bob@example.com"), ("roles", "edge-requesters")), Options());

        Assert.True(mapped.IsInRole(PortalRoles.Requester));
        Assert.False(mapped.IsInRole(PortalRoles.Admin));
        Assert.Equal("bob@example.com", PortalUser.FromPrincipal(mapped).Id);
    }

    [Fact]
    public void Someone_in_no_mapped_group_is_signed_in_without_a_role_and_nothing_else_of_the_token_is_kept()
    {
        var mapped = OidcClaimsMapper.Map(Token(("sub", "42"), ("groups", "Edge-Admins"), ("access_token_hint", "secret")), Options());

        Assert.False(mapped.IsInRole(PortalRoles.Admin));
        Assert.False(mapped.IsInRole(PortalRoles.Requester));
        Assert.Equal("42", PortalUser.FromPrincipal(mapped).Id);
        Assert.Equal([ClaimTypes.NameIdentifier, ClaimTypes.Name], mapped.Claims.Select(c => c.Type));
    }

    [Fact]
    public void A_token_naming_nobody_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => OidcClaimsMapper.Map(Token(("groups", "edge-admins")), Options()));
    }
}
