namespace PrivateApiEdge.Web.Features.Users;

/// <summary>Where to go after signing in: only paths on this portal, so a crafted link cannot send people elsewhere.</summary>
public static class LocalReturnUrl
{
    public static string Sanitize(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    /// <summary>A rooted path ("/x"), never "//host", "/\host", a scheme, or anything with control characters.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');
}
