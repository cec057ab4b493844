using Microsoft.AspNetCore.Http.HttpResults;
using PrivateApiEdge.Web.Features.DeploymentForm;
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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

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

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such deployment", detail: $"There is no deployment {id} you can see.");
}
