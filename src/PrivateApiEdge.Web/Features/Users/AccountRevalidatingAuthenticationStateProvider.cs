using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// A Blazor circuit keeps the user it started with; this re-checks built-in accounts every few minutes, so an account
/// an admin disabled (or whose role changed) loses its open pages too, not only its next HTTP request.
/// </summary>
internal sealed class AccountRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.FindFirstValue(AccountService.SecurityStampClaim) is null)
        {
            // Identity-provider users have no portal account to re-check; their cookie lifetime applies.
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().IsCurrentAsync(user, cancellationToken);
    }
}
