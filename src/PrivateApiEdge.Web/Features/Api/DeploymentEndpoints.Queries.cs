using System.Globalization;
using System.Security.Claims;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>Reading deployments: the list (with its query string checked field by field), one deployment, its log.</summary>
public static partial class DeploymentEndpoints
{
    private const int MaxSearchLength = 200;

    private static async Task<IResult> ListAsync(
        [AsParameters] DeploymentListParameters parameters, ClaimsPrincipal principal, DashboardService dashboard, CancellationToken cancellationToken)
    {
        var user = PortalUser.FromPrincipal(principal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statuses = new List<DeploymentStatus>();
        foreach (var status in parameters.Status ?? [])
        {
            if (Enum.TryParse<DeploymentStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                statuses.Add(parsed);
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status; use {string.Join(", ", Enum.GetNames<DeploymentStatus>())}."];
            }
        }

        var sort = DeploymentSortColumn.UpdatedAt;
        if (parameters.Sort is { Length: > 0 } sortText
            && !(Enum.TryParse(sortText, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !int.TryParse(sortText, out _)))
        {
            errors["sort"] = [$"'{sortText}' is not a sort column; use {string.Join(", ", Enum.GetNames<DeploymentSortColumn>())}."];
        }

        var descending = true;
        if (parameters.Descending is { Length: > 0 } descendingText && !bool.TryParse(descendingText, out descending))
        {
            errors["descending"] = ["Use true or false."];
        }

        var page = ParseInt(parameters.Page, "page", 0, 0, int.MaxValue / DeploymentListQuery.MaxPageSize, errors);
        var pageSize = ParseInt(parameters.PageSize, "pageSize", 25, 1, DeploymentListQuery.MaxPageSize, errors);
        CheckText(parameters.Search, "search", MaxSearchLength, errors);
        CheckText(parameters.Owner, "owner", MaxSearchLength, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await dashboard.ListAsync(new DeploymentListQuery
        {
            Search = parameters.Search,
            Statuses = statuses,
            Owner = parameters.Owner,
            SortBy = sort,
            Descending = descending,
            Page = page,
            PageSize = pageSize,
        }, user, cancellationToken);
        return TypedResults.Ok(new DeploymentListDto(result.Items.Select(DeploymentApiMapper.ToSummary).ToList(), result.TotalCount, page, pageSize));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal principal, DeploymentService deployments, CancellationToken cancellationToken)
    {
        var deployment = await deployments.GetAsync(id, PortalUser.FromPrincipal(principal), cancellationToken);
        return deployment is null ? NotFound(id) : TypedResults.Ok(DeploymentApiMapper.ToDto(deployment));
    }

    private static async Task<IResult> GetLogAsync(
        Guid id, string? afterId, string? max, ClaimsPrincipal principal, DeploymentService deployments, CancellationToken cancellationToken)
    {
        var user = PortalUser.FromPrincipal(principal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var after = 0L;
        if (afterId is { Length: > 0 } && !(long.TryParse(afterId, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            errors["afterId"] = ["Use the id of the last line you have (a whole number, 0 for all)."];
        }

        var take = ParseInt(max, "max", 200, 1, MaxLogEntries, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The log query answers "no lines" for a hidden deployment; the API must say 404, as for any other route.
        if (await deployments.GetAsync(id, user, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var lines = await deployments.GetLogAsync(id, after, take, user, cancellationToken);
        return TypedResults.Ok(lines.Select(DeploymentApiMapper.ToDto).ToList());
    }

    private static int ParseInt(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"Use a whole number from {min} to {max}.")];
        return fallback;
    }

    private static void CheckText(string? text, string name, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.Length > maxLength)
        {
            errors[name] = [string.Create(CultureInfo.InvariantCulture, $"At most {maxLength} characters.")];
        }
        else if (UnsafeText.Problem(text) is { } problem)
        {
            errors[name] = [problem];
        }
    }
}
