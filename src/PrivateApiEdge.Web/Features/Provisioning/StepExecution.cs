namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>What one execution of a step came to, for the engine to apply to the deployment.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Outcome">What the step returned; null when AWS answered with a transient error instead.</param>
/// <param name="TransientError">Throttling or a server error that outlived the client's own retries: try again later.</param>
/// <param name="AwsCalls">AWS call attempts made through this execution's own clients.</param>
public sealed record StepExecution(string Step, StepOutcome? Outcome, TransientAwsError? TransientError, int AwsCalls);

/// <summary>The AWS answer that made a step execution end without an outcome.</summary>
public sealed record TransientAwsError(string Service, string Operation, string ErrorCode, string Message);
