using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>Built-in accounts (used when no OpenID Connect provider is configured), bound from <c>Authentication:Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Authentication:Accounts";

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses every password.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 12;
}

/// <summary>First-run admin bootstrap, bound from <c>Authentication:Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Authentication:Bootstrap";

    /// <summary>
    /// The one-time token /account/setup asks for while no account exists. Set it from an environment variable or a
    /// user secret (never in a committed file); when empty, the portal generates one and logs it once at start.
    /// </summary>
    public string? Token { get; set; }
}
