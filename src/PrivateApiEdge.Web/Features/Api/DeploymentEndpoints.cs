using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>
/// <c>/api/deployments</c>: what the dashboard, the new-deployment form and the deployment page do, for scripts.
/// Same services, same validation (<see cref="DeploymentFormValidator.Validate"/>), same authorization (requester
/// or admin; another user's deployment answers 404 exactly like a missing one). Errors are problem details:
/// 400 with per-field <c>errors</c>, 404, 409 for a state conflict, 422 when preflight fails.
/// </summary>
public static partial class DeploymentEndpoints
{
    public const string RoutePrefix = "/api/deployments";

    public const int MaxLogEntries = 1000;

    private const int MaxSearchLength = 200;

    public static RouteGroupBuilder MapDeploymentApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(RoutePrefix)
            .WithTags("Deployments")
            .RequireAuthorization(AuthExtensions.RequesterPolicy)
            .AddEndpointFilter<ApiCsrfFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("", CreateAsync)
            .WithName("CreateDeployment")
            .WithSummary("Validate, preflight, create and start a deployment")
            .WithDescription("400 lists every invalid field; 409 when the name is taken; 422 lists the failed preflight checks " +
                "with fix hints. Nothing is created or enqueued unless all pass; then 201 with the deployment and its Location.")
            .Accepts<CreateDeploymentBody>("application/json")
            .Produces<DeploymentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        api.MapPost("/preflight", PreflightAsync)
            .WithName("PreflightDeployment")
            .WithSummary("Validate and preflight a deployment without creating anything")
            .WithDescription("Read-only: AWS is asked, nothing is written. 200 with every check, passed or not.")
            .Accepts<CreateDeploymentBody>("application/json")
            .Produces<PreflightDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        api.MapGet("", ListAsync)
            .WithName("ListDeployments")
            .WithSummary("List deployments (yours; an admin's: everyone's) with paging, sorting, status filter and search")
            .Produces<DeploymentListDto>()
            .ProducesValidationProblem();

        api.MapGet("/{id:guid}", GetAsync)
            .WithName("GetDeployment")
            .WithSummary("A deployment with its steps, resources, outputs and last endpoint test")
            .Produces<DeploymentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}/log", GetLogAsync)
            .WithName("GetDeploymentLog")
            .WithSummary("Log lines of a deployment, oldest first, after a given line id")
            .Produces<IReadOnlyList<DeploymentLogEntryDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/endpoint-test", EndpointTestAsync)
            .WithName("TestDeploymentEndpoint")
            .WithSummary("Call the public endpoint now and store the result as the latest test")
            .Produces<EndpointTestDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/resume", ResumeAsync)
            .WithName("ResumeDeployment")
            .WithSummary("Run the failed steps of a failed deployment (or teardown) again")
            .Produces<DeploymentDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:guid}/steps/{step}/retry", RetryStepAsync)
            .WithName("RetryDeploymentStep")
            .WithSummary("Run one step of the current phase again")
            .Produces<DeploymentDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:guid}/teardown", TeardownAsync)
            .WithName("TearDownDeployment")
            .WithSummary("Delete everything the deployment created (also mid-provisioning)")
            .Produces<DeploymentDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest http, ClaimsPrincipal principal, DeploymentService deployments, AuditLog audit, CancellationToken cancellationToken)
    {
        var user = PortalUser.FromPrincipal(principal);
        var (request, rejection) = await ReadRequestAsync(http, deployments, audit, user, AuditActions.CreateDeployment, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        try
        {
            var report = await deployments.PreflightAsync(request!, user, cancellationToken);
            if (!report.Passed)
            {
                return PreflightFailed(report);
            }

            var deployment = await deployments.CreateAsync(request!, user, cancellationToken);
            var created = await deployments.GetAsync(deployment.Id, user, cancellationToken) ?? deployment;
            return TypedResults.Created($"{RoutePrefix}/{deployment.Id}", DeploymentApiMapper.ToDto(created));
        }
        catch (DeploymentConflictException ex)
        {
            return FieldConflict(nameof(DeploymentFormModel.Name), ex.Message);
        }
        catch (AwsApiException ex)
        {
            return AwsFailed(ex);
        }
    }

    private static async Task<IResult> PreflightAsync(
        HttpRequest http, ClaimsPrincipal principal, DeploymentService deployments, AuditLog audit, CancellationToken cancellationToken)
    {
        var user = PortalUser.FromPrincipal(principal);
        var (request, rejection) = await ReadRequestAsync(http, deployments, audit, user, AuditActions.Preflight, cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        try
        {
            return TypedResults.Ok(DeploymentApiMapper.ToDto(await deployments.PreflightAsync(request!, user, cancellationToken)));
        }
        catch (AwsApiException ex)
        {
            return AwsFailed(ex);
        }
    }

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

    private static async Task<IResult> EndpointTestAsync(Guid id, ClaimsPrincipal principal, DeploymentService deployments, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(DeploymentApiMapper.ToDto(await deployments.RunEndpointTestAsync(id, PortalUser.FromPrincipal(principal), cancellationToken)));
        }
        catch (DeploymentNotFoundException)
        {
            return NotFound(id);
        }
    }

    private static Task<IResult> ResumeAsync(Guid id, ClaimsPrincipal principal, DeploymentService deployments, CancellationToken cancellationToken) =>
        CommandAsync(id, principal, deployments, user => deployments.ResumeAsync(id, user, cancellationToken), cancellationToken);

    private static Task<IResult> TeardownAsync(Guid id, ClaimsPrincipal principal, DeploymentService deployments, CancellationToken cancellationToken) =>
        CommandAsync(id, principal, deployments, user => deployments.TeardownAsync(id, user, cancellationToken), cancellationToken);

    private static async Task<IResult> RetryStepAsync(Guid id, string step, ClaimsPrincipal principal, DeploymentService deployments, CancellationToken cancellationToken)
    {
        if (!StepNamePattern().IsMatch(step))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["step"] = ["A step name is lower-case letters and hyphens, e.g. load-balancer (see the deployment's steps)."],
            });
        }

        return await CommandAsync(id, principal, deployments, user => deployments.RetryStepAsync(id, step, user, cancellationToken), cancellationToken);
    }

    /// <summary>Records a command for the engine; 202 with the deployment as it is now (the job applies it shortly).</summary>
    private static async Task<IResult> CommandAsync(
        Guid id, ClaimsPrincipal principal, DeploymentService deployments, Func<PortalUser, Task> command, CancellationToken cancellationToken)
    {
        var user = PortalUser.FromPrincipal(principal);
        try
        {
            await command(user);
        }
        catch (DeploymentNotFoundException)
        {
            return NotFound(id);
        }
        catch (DeploymentConflictException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The deployment's state does not allow this", detail: ex.Message);
        }

        var deployment = await deployments.GetAsync(id, user, cancellationToken);
        return deployment is null ? NotFound(id) : TypedResults.Accepted($"{RoutePrefix}/{id}", DeploymentApiMapper.ToDto(deployment));
    }

    /// <summary>
    /// Body → form model → the one validation entry point → the engine's request; then the name, which only the
    /// database knows. Everything here runs before any AWS call, so hostile input never reaches AWS. A refusal is
    /// audited with the names of the fields only: the values may be hostile and have no place in the audit log.
    /// </summary>
    private static async Task<(DeploymentRequest? Request, IResult? Rejection)> ReadRequestAsync(
        HttpRequest http, DeploymentService deployments, AuditLog audit, PortalUser user, string action, CancellationToken cancellationToken)
    {
        var (body, status, bodyErrors) = await DeploymentApiBody.ReadAsync(http, cancellationToken);
        if (body is null)
        {
            await RejectedAsync(audit, user, action, $"API request refused ({status}): the body is not a deployment request.", null, cancellationToken);
            return (null, status == StatusCodes.Status400BadRequest
                ? TypedResults.ValidationProblem(AsErrors(bodyErrors))
                : TypedResults.Problem(statusCode: status, detail: bodyErrors.Values.First()));
        }

        var (model, mappingErrors) = DeploymentApiMapper.ToFormModel(body);
        var errors = new Dictionary<string, string>(mappingErrors, StringComparer.Ordinal);
        foreach (var (field, message) in DeploymentFormValidator.Validate(model))
        {
            errors.TryAdd(field, message);
        }

        if (errors.Count > 0)
        {
            await RejectedAsync(audit, user, action, $"API request refused, invalid fields: {FieldList(errors)}.", null, cancellationToken);
            return (null, TypedResults.ValidationProblem(AsErrors(errors), title: "The deployment request is not valid"));
        }

        var request = DeploymentRequestFactory.From(model);
        if (await deployments.IsNameTakenAsync(request.Name, cancellationToken))
        {
            await RejectedAsync(audit, user, action, "API request refused: the name is taken.", request.Name, cancellationToken);
            return (null, FieldConflict(nameof(DeploymentFormModel.Name), $"A deployment named '{request.Name}' already exists; choose another name."));
        }

        return (request, null);
    }

    private static Task RejectedAsync(AuditLog audit, PortalUser user, string action, string message, string? deploymentName, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(user.Id, action, AuditOutcome.Rejected, message, deploymentName: deploymentName), cancellationToken);

    private static string FieldList(IReadOnlyDictionary<string, string> errors) =>
        string.Join(", ", errors.Keys.Select(k => k == DeploymentApiBody.BodyField ? k : DeploymentApiMapper.JsonName(k)).Order(StringComparer.Ordinal));

    private static Dictionary<string, string[]> AsErrors(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key == DeploymentApiBody.BodyField ? e.Key : DeploymentApiMapper.JsonName(e.Key), e => new[] { e.Value }, StringComparer.Ordinal);

    private static ProblemHttpResult FieldConflict(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(AsErrors(new Dictionary<string, string> { [field] = message }))
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The deployment conflicts with another one",
            Detail = message,
        });

    private static ProblemHttpResult PreflightFailed(Preflight.PreflightReport report) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Preflight failed; nothing was created",
            detail: report.Summary(),
            extensions: new Dictionary<string, object?>
            {
                ["failedChecks"] = report.Failures.Select(DeploymentApiMapper.ToDto).ToList(),
            });

    private static ProblemHttpResult AwsFailed(AwsApiException ex) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "AWS refused a read-only check",
            detail: $"{ex.Service} {ex.Operation}: {ex.ErrorCode}: {ex.AwsMessage}",
            extensions: new Dictionary<string, object?> { ["awsErrorCode"] = ex.ErrorCode, ["awsRequestId"] = ex.RequestId });

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such deployment", detail: $"There is no deployment {id} you can see.");

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

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex StepNamePattern();
}
