using System.Security.Claims;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// Turns the provider's principal into the portal's: a user id, a display name and the portal roles its roles or
/// groups map to. Nothing else of the token is kept in the cookie.
/// </summary>
public static class OidcClaimsMapper
{
    public const string AuthenticationType = "oidc";

    public static ClaimsPrincipal Map(ClaimsPrincipal external, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(options);
        var id = First(external, options.UserIdClaim, "email", "sub", ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The identity provider's token names no user (no user id, email or sub claim).");
        var displayName = First(external, "name", ClaimTypes.Name) ?? id;
        var values = external.Claims
            .Where(c => c.Type == options.RoleClaim || c.Type == options.GroupClaim)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, displayName) };
        if (options.AdminValues.Any(values.Contains))
        {
            claims.Add(new Claim(ClaimTypes.Role, PortalRoles.Admin));
        }
        else if (options.RequesterValues.Any(values.Contains))
        {
            claims.Add(new Claim(ClaimTypes.Role, PortalRoles.Requester));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
