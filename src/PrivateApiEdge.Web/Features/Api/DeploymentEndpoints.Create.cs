using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>Creating a deployment and its preflight: the body is read and validated before anything asks AWS.</summary>
public static partial class DeploymentEndpoints
{
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
}
