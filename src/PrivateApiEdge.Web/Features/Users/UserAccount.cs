namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// A built-in sign-in account (used when no OpenID Connect provider is configured). The password is only ever kept
/// as an ASP.NET Core Identity <c>PasswordHasher</c> hash.
/// </summary>
public sealed class UserAccount
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 128;

    private UserAccount()
    {
    }

    public UserAccount(Guid id, string userName, string displayName, string role, DateTimeOffset createdAt)
    {
        Id = id;
        UserName = userName;
        NormalizedUserName = Normalize(userName);
        DisplayName = displayName;
        Role = role;
        CreatedAt = createdAt;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid Id { get; private set; }

    /// <summary>What the user types to sign in; also their portal user id (deployment owner).</summary>
    public string UserName { get; private set; } = "";

    /// <summary>Upper-cased user name: names are unique ignoring case.</summary>
    public string NormalizedUserName { get; private set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary><see cref="PortalRoles.Admin"/> or <see cref="PortalRoles.Requester"/>.</summary>
    public string Role { get; private set; } = PortalRoles.Requester;

    public string PasswordHash { get; set; } = "";

    public bool IsDisabled { get; private set; }

    public int FailedSignInCount { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Changes whenever the role, password or disabled state does; sign-in cookies carrying an older stamp stop working.</summary>
    public string SecurityStamp { get; private set; } = "";

    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToUpperInvariant();
    }

    public void SetRole(string role)
    {
        Role = role;
        RenewStamp();
    }

    public void SetDisabled(bool disabled)
    {
        IsDisabled = disabled;
        RenewStamp();
    }

    public void RenewStamp() => SecurityStamp = Guid.NewGuid().ToString("N");
}
