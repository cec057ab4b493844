using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace PrivateApiEdge.Web.Components.Layout;

/// <summary>
/// A nav link active only on its exact path and query. <see cref="NavLinkMatch.All"/> ignores the query, so
/// "/deployments" and "/deployments?status=Failed" would both be the current page (two <c>aria-current</c>).
/// </summary>
public sealed class ExactNavLink : NavLink
{
    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    protected override bool ShouldMatch(string uriAbsolute)
    {
        var current = Navigation.ToBaseRelativePath(uriAbsolute).Split('#')[0].TrimEnd('/');
        var target = (AdditionalAttributes?.TryGetValue("href", out var href) == true ? href as string : null) ?? "";
        return string.Equals(current, target.TrimStart('/').TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
