using System.Security.Claims;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// The signed-in person every deployment action is done for. <see cref="Id"/> is what deployments record as their
/// owner; a requester sees and acts on their own deployments only, an admin on all of them.
/// </summary>
public sealed record PortalUser(string Id, string DisplayName, bool IsAdmin)
{
    /// <summary>The portal user of an authenticated principal (the name identifier, else the name).</summary>
    /// <exception cref="InvalidOperationException">The principal is not authenticated or carries no name.</exception>
    public static PortalUser FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("Nobody is signed in.");
        }

        return TryFromPrincipal(principal)
            ?? throw new InvalidOperationException("The signed-in principal has neither a name identifier nor a name.");
    }

    /// <summary>
    /// Like <see cref="FromPrincipal"/>, but null for nobody signed in or a principal without an identity, for
    /// callers such as event handlers that must not throw.
    /// </summary>
    public static PortalUser? TryFromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } identifier ? identifier : principal.Identity.Name;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var displayName = principal.Identity.Name is { Length: > 0 } name ? name : id;
        return new PortalUser(id, displayName, principal.IsInRole(PortalRoles.Admin));
    }

    /// <summary>Whether this user may see (and act on) a deployment owned by <paramref name="owner"/>.</summary>
    public bool CanSee(string owner) => IsAdmin || string.Equals(owner, Id, StringComparison.Ordinal);
}
