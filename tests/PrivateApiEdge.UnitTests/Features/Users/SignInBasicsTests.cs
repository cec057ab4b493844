using System.Security.Claims;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.UnitTests.Features.Users;

public sealed class SignInBasicsTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/deployments?status=Failed", true)]
    [InlineData("/deployments/5f0e", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("deployments", false)]
    [InlineData("//evil.example.com", false)]
    [InlineData("/\\evil.example.com", false)]
    [InlineData("https://evil.example.com/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/x\r\nLocation: https://evil.example.com", false)]
    public void Only_paths_on_the_portal_are_valid_return_urls(string? url, bool local)
    {
        Assert.Equal(local, LocalReturnUrl.IsLocal(url));
        Assert.Equal(local ? url : "/", LocalReturnUrl.Sanitize(url));
    }

    [Fact]
    public void A_portal_user_is_read_from_the_name_identifier_and_sees_only_their_own_deployments()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "alice"), new Claim(ClaimTypes.Name, "Alice A"), new Claim(ClaimTypes.Role, PortalRoles.Requester)], "cookie"));

        var user = PortalUser.FromPrincipal(principal);

        Assert.Equal(new PortalUser("alice", "Alice A", IsAdmin: false), user);
        Assert.True(user.CanSee("alice"));
        Assert.False(user.CanSee("Alice"));
        Assert.True(user with { IsAdmin = true } is { } admin && admin.CanSee("bob"));
    }

    [Fact]
    public void An_anonymous_principal_is_no_portal_user()
    {
        Assert.Throws<InvalidOperationException>(() => PortalUser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
