using Microsoft.AspNetCore.Components.Authorization;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>The user of the current Blazor circuit (or static render), for components that call the services.</summary>
public sealed class CurrentPortalUser(AuthenticationStateProvider authentication)
{
    public async Task<PortalUser> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return PortalUser.FromPrincipal(state.User);
    }
}
