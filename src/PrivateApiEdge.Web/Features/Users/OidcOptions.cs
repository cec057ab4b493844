namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// Sign-in through an OpenID Connect provider, bound from <c>Authentication:Oidc</c>. When <see cref="Authority"/> is
/// set, it replaces the built-in accounts; the provider's roles or groups decide who is admin or requester.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Authentication:Oidc";

    /// <summary>The provider's issuer URL (its discovery document is at /.well-known/openid-configuration). Empty: OIDC is off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Only from user secrets or an environment variable (Authentication__Oidc__ClientSecret), never a committed file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes to request; empty means openid, profile and email.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>The token claim holding application roles (e.g. "roles" in Entra ID).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The token claim holding group names or ids (e.g. "groups" in Entra ID, "cognito:groups" in Cognito).</summary>
    public string GroupClaim { get; set; } = "groups";

    /// <summary>The claim that becomes the portal user id (deployment owner); falls back to email, then sub.</summary>
    public string UserIdClaim { get; set; } = "preferred_username";

    /// <summary>Role or group values (exact match) that make a user a portal admin.</summary>
    public IList<string> AdminValues { get; } = [];

    /// <summary>Role or group values (exact match) that make a user a requester.</summary>
    public IList<string> RequesterValues { get; } = [];

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);

    public IReadOnlyList<string> ScopesToRequest() => Scopes.Count > 0 ? [.. Scopes] : ["openid", "profile", "email"];
}
