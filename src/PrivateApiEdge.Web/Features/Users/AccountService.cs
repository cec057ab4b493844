using System.Data;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Audit;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// Built-in accounts: sign-in with lockout, the first-admin bootstrap and the admins' account management.
/// Every change and every sign-in attempt is audited.
/// </summary>
public sealed partial class AccountService(
    IDbContextFactory<PortalDbContext> databases,
    IPasswordHasher<UserAccount> hasher,
    AdminBootstrap bootstrap,
    AuditLog audit,
    TimeProvider time,
    IOptions<AccountOptions> options)
{
    /// <summary>Claim carrying the account's security stamp; cookies with a stale stamp are rejected.</summary>
    public const string SecurityStampClaim = "privateapiedge:stamp";

    private const string WrongCredentials = "The user name or password is wrong.";

    public async Task<bool> AnyAccountAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.UserAccounts.AnyAsync(cancellationToken);
    }

    /// <summary>Checks a password; on success returns the principal to put in the sign-in cookie.</summary>
    public async Task<PasswordSignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var typed = string.IsNullOrWhiteSpace(userName) ? "(empty)" : userName.Trim();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var normalized = UserAccount.Normalize(userName ?? "");
        var account = await db.UserAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        var now = time.GetUtcNow();
        if (account is null || string.IsNullOrEmpty(password))
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            hasher.VerifyHashedPassword(account ?? DummyAccount, DummyHash, password ?? "");
            return await RejectAsync(typed, WrongCredentials);
        }

        if (account.IsDisabled)
        {
            return await RejectAsync(account.UserName, "This account is disabled.", "Account is disabled.");
        }

        if (account.LockedUntil is { } until && until > now)
        {
            return await RejectAsync(account.UserName, "Too many failed attempts: this account is locked for a while.", $"Locked until {until:u}.");
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignInCount++;
            var locked = account.FailedSignInCount >= options.Value.MaxFailedSignIns;
            if (locked)
            {
                account.LockedUntil = now + options.Value.LockoutDuration;
                account.FailedSignInCount = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return await RejectAsync(account.UserName, WrongCredentials, locked ? "Wrong password; the account is now locked." : "Wrong password.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.FailedSignInCount = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(account.UserName, AuditActions.SignIn, AuditOutcome.Succeeded), CancellationToken.None);
        return new PasswordSignInResult(CreatePrincipal(account), null);

        async Task<PasswordSignInResult> RejectAsync(string actor, string shown, string? recorded = null)
        {
            await audit.RecordAsync(new AuditEntry(actor, AuditActions.SignIn, AuditOutcome.Rejected, recorded ?? shown), CancellationToken.None);
            return new PasswordSignInResult(null, shown);
        }
    }

    /// <summary>Whether a cookie's principal still matches an enabled account with the same security stamp.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var stamp = principal.FindFirstValue(SecurityStampClaim);
        var name = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (stamp is null || name is null)
        {
            return false;
        }

        var normalized = UserAccount.Normalize(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.UserAccounts.AnyAsync(a => a.NormalizedUserName == normalized && a.SecurityStamp == stamp && !a.IsDisabled, cancellationToken);
    }

    /// <summary>Creates the first admin; only while no account exists and only with the bootstrap token.</summary>
    /// <exception cref="AccountException">The token is wrong, an account already exists, or the input is invalid.</exception>
    public async Task<ClaimsPrincipal> SetUpFirstAdminAsync(string? token, NewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!bootstrap.Matches(token))
        {
            await audit.RecordAsync(new AuditEntry(Actor(account.UserName), AuditActions.SetupAdmin, AuditOutcome.Rejected, "Wrong bootstrap token."), CancellationToken.None);
            throw new AccountException("The bootstrap token is wrong. It is in the portal's log (or in Authentication:Bootstrap:Token).");
        }

        Validate(account with { Role = PortalRoles.Admin });
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Serializable: two browsers racing through setup must not both create an admin.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (await db.UserAccounts.AnyAsync(cancellationToken))
        {
            throw new AccountException("The portal is already set up.");
        }

        var created = NewEntity(account with { Role = PortalRoles.Admin });
        db.UserAccounts.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(created.UserName, AuditActions.SetupAdmin, AuditOutcome.Succeeded, "First admin created."), CancellationToken.None);
        return CreatePrincipal(created);
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.UserAccounts.AsNoTracking().OrderBy(a => a.NormalizedUserName).ToListAsync(cancellationToken);
    }

    /// <exception cref="AccountException">The input is invalid or the name is taken.</exception>
    public async Task<UserAccount> CreateAsync(NewAccount account, PortalUser admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await ChangeAsync(admin, AuditActions.CreateAccount, Actor(account.UserName), async db =>
        {
            Validate(account);
            var normalized = UserAccount.Normalize(account.UserName);
            if (await db.UserAccounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
            {
                throw new AccountException($"An account named '{account.UserName.Trim()}' already exists.");
            }

            var created = NewEntity(account);
            db.UserAccounts.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return (created, $"Created {created.UserName} as {created.Role}.");
        }, cancellationToken);
    }

    /// <exception cref="AccountException">Unknown account, unknown role, or an admin changing their own role.</exception>
    public Task<UserAccount> SetRoleAsync(Guid accountId, string role, PortalUser admin, CancellationToken cancellationToken) =>
        ChangeExistingAsync(accountId, admin, AuditActions.ChangeRole, account =>
        {
            if (role is not (PortalRoles.Admin or PortalRoles.Requester))
            {
                throw new AccountException($"Unknown role '{role}'.");
            }

            account.SetRole(role);
            return $"{account.UserName} is now {role}.";
        }, cancellationToken);

    /// <exception cref="AccountException">Unknown account, or an admin disabling themselves.</exception>
    public Task<UserAccount> SetDisabledAsync(Guid accountId, bool disabled, PortalUser admin, CancellationToken cancellationToken) =>
        ChangeExistingAsync(accountId, admin, disabled ? AuditActions.DisableAccount : AuditActions.EnableAccount, account =>
        {
            account.SetDisabled(disabled);
            return disabled ? $"{account.UserName} is disabled." : $"{account.UserName} is enabled.";
        }, cancellationToken);

    /// <exception cref="AccountException">Unknown account or a password that is too short.</exception>
    public Task<UserAccount> ResetPasswordAsync(Guid accountId, string password, PortalUser admin, CancellationToken cancellationToken) =>
        ChangeExistingAsync(accountId, admin, AuditActions.ResetPassword, account =>
        {
            ValidatePassword(password);
            account.PasswordHash = hasher.HashPassword(account, password);
            account.FailedSignInCount = 0;
            account.LockedUntil = null;
            account.RenewStamp();
            return $"Password of {account.UserName} was reset.";
        }, cancellationToken);

    public static ClaimsPrincipal CreatePrincipal(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Role, account.Role),
            new(SecurityStampClaim, account.SecurityStamp),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private Task<UserAccount> ChangeExistingAsync(Guid accountId, PortalUser admin, string action, Func<UserAccount, string> change, CancellationToken cancellationToken) =>
        ChangeAsync(admin, action, null, async db =>
        {
            var account = await db.UserAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
                ?? throw new AccountException("The account does not exist.");
            if (string.Equals(account.UserName, admin.Id, StringComparison.Ordinal) && action is not AuditActions.ResetPassword)
            {
                // Keeps at least the acting admin able to sign in and manage accounts.
                throw new AccountException("You cannot change your own role or disable your own account.");
            }

            var message = change(account);
            await db.SaveChangesAsync(cancellationToken);
            return (account, message);
        }, cancellationToken);

    private async Task<UserAccount> ChangeAsync(PortalUser admin, string action, string? subject, Func<PortalDbContext, Task<(UserAccount Account, string Message)>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            await audit.RecordAsync(new AuditEntry(admin.Id, action, AuditOutcome.Rejected, "Only admins manage accounts."), CancellationToken.None);
            throw new AccountException("Only admins manage accounts.");
        }

        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var (account, message) = await change(db);
            await audit.RecordAsync(new AuditEntry(admin.Id, action, AuditOutcome.Succeeded, message), CancellationToken.None);
            return account;
        }
        catch (AccountException ex)
        {
            await audit.RecordAsync(new AuditEntry(admin.Id, action, AuditOutcome.Rejected, subject is null ? ex.Message : $"{subject}: {ex.Message}"), CancellationToken.None);
            throw;
        }
    }

    private UserAccount NewEntity(NewAccount account)
    {
        var entity = new UserAccount(Guid.NewGuid(), account.UserName.Trim(), account.DisplayName.Trim(), account.Role, time.GetUtcNow());
        entity.PasswordHash = hasher.HashPassword(entity, account.Password);
        return entity;
    }

    private void Validate(NewAccount account)
    {
        if (!UserNamePattern().IsMatch(account.UserName.Trim()))
        {
            throw new AccountException($"A user name is 2 to {UserAccount.MaxUserNameLength} letters, digits or . _ @ - characters.");
        }

        var displayName = account.DisplayName.Trim();
        if (displayName.Length is 0 or > UserAccount.MaxDisplayNameLength || displayName.Any(char.IsControl) || displayName.IndexOfAny(['<', '>']) >= 0)
        {
            throw new AccountException($"A display name is 1 to {UserAccount.MaxDisplayNameLength} characters, without markup or control characters.");
        }

        if (account.Role is not (PortalRoles.Admin or PortalRoles.Requester))
        {
            throw new AccountException($"Unknown role '{account.Role}'.");
        }

        ValidatePassword(account.Password);
    }

    private void ValidatePassword(string password)
    {
        var min = options.Value.MinPasswordLength;
        if (password is null || password.Length < min || password.Length > 256)
        {
            throw new AccountException($"A password has {min} to 256 characters.");
        }
    }

    private static string Actor(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "(empty)" : userName.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    private static readonly UserAccount DummyAccount = new(Guid.Empty, "-", "-", PortalRoles.Requester, DateTimeOffset.UnixEpoch);

    // A valid v3 hash of a random throwaway value (computed once), only used to spend the same time on unknown names.
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(DummyAccount, Guid.NewGuid().ToString());
}

public sealed record NewAccount(string UserName, string DisplayName, string Password, string Role = PortalRoles.Requester);

/// <param name="Principal">The signed-in principal; null when refused.</param>
/// <param name="Error">What to tell the person at the sign-in form.</param>
public sealed record PasswordSignInResult(ClaimsPrincipal? Principal, string? Error)
{
    public bool Succeeded => Principal is not null;
}

/// <summary>An account operation was refused; the message says why and can be shown.</summary>
public sealed class AccountException(string message) : Exception(message);
