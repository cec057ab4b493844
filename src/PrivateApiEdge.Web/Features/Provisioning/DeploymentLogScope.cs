namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// Logging scopes that put the deployment id (and the step, inside a step) on every log line written within them,
/// whichever logger writes it (engine, AWS clients, HttpClient, EF Core): scopes flow with the async call.
/// </summary>
public static class DeploymentLogScope
{
    public const string DeploymentIdKey = "DeploymentId";
    public const string StepKey = "Step";

    public static IDisposable? BeginDeploymentScope(this ILogger logger, Guid deploymentId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object?> { [DeploymentIdKey] = deploymentId });
    }

    public static IDisposable? BeginStepScope(this ILogger logger, Guid deploymentId, string step)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object?> { [DeploymentIdKey] = deploymentId, [StepKey] = step });
    }
}
