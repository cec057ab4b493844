using System.Security.Claims;
using System.Text.RegularExpressions;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>Commands on one deployment (resume, retry a step, tear down) and the on-demand endpoint test.</summary>
public static partial class DeploymentEndpoints
{
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
        catch (DeploymentConflictException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The deployment's state does not allow this", detail: ex.Message);
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

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex StepNamePattern();
}
