using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Features.Preflight;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>
/// What the UI and the REST API do with deployments. Commands are recorded on the deployment and applied by the
/// engine under the deployment's lease, so they are safe while a job is running; each enqueues an advance.
/// Every method acts for a <see cref="PortalUser"/>: a deployment the user may not see behaves exactly like a missing
/// one (<see cref="DeploymentNotFoundException"/>, or null from <see cref="GetAsync"/>), so it is not even revealed.
/// </summary>
public sealed class DeploymentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IBackgroundJobClient jobs,
    IStepCatalog catalog,
    TimeProvider time,
    IEndpointTester endpointTester,
    IAwsClientFactory awsClientFactory,
    AuditLog audit,
    ILogger<DeploymentService> logger)
{

    /// <summary>Stores a validated request and starts provisioning (preflight is its first step).</summary>
    public Task<Deployment> CreateAsync(DeploymentRequest request, PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var target = new AuditTarget(null, request.Name);
        return AuditedAsync(AuditActions.CreateDeployment, user, target, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Deployments.AnyAsync(d => d.Name == request.Name, cancellationToken))
            {
                throw new DeploymentConflictException($"A deployment named '{request.Name}' already exists.");
            }

            var deployment = Deployment.Create(Guid.NewGuid(), request, user.Id, catalog.Plan(DeploymentPhase.Provision).Select(s => s.Name), time.GetUtcNow());
            target.DeploymentId = deployment.Id;
            using var scope = logger.BeginDeploymentScope(deployment.Id);
            db.Deployments.Add(deployment);
            db.DeploymentLog.Add(new DeploymentLogEntry(deployment.Id, time.GetUtcNow(), DeploymentPhase.Provision, null, DeploymentLogLevel.Info, $"Created by {user.Id}."));
            await db.SaveChangesAsync(cancellationToken);
            Enqueue(deployment.Id);
            logger.LogInformation("Deployment {DeploymentId} ({Name}) created by {Owner}", deployment.Id, deployment.Name, user.Id);
            return deployment;
        });
    }

    /// <summary>
    /// Whether any deployment (anyone's, torn down or not) already has <paramref name="name"/>: AWS resource names
    /// derive from it, so it is unique across the portal. Lets callers refuse a duplicate before asking AWS anything.
    /// </summary>
    public async Task<bool> IsNameTakenAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deployments.AnyAsync(d => d.Name == name, cancellationToken);
    }

    /// <summary>Read-only checks of a request before it is created (the form shows the findings); nothing is written but the audit entry.</summary>
    public Task<PreflightReport> PreflightAsync(DeploymentRequest request, PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var target = new AuditTarget(null, request.Name);
        return AuditedAsync(AuditActions.Preflight, user, target, async () =>
        {
            var aws = awsClientFactory.Create(request.AwsSessionFor(user.Id));
            var facts = await PreflightFactsCollector.CollectAsync(aws, request, deploymentId: null, cancellationToken);
            var report = PreflightEvaluator.Evaluate(request, facts);
            target.Message = (report.Passed ? "Preflight passed" : "Preflight found blocking problems") + (report.AccountId is { } account ? $" in account {account}." : ".");
            return report;
        });
    }

    /// <summary>Runs the failed step(s) of the current phase again (provisioning or teardown).</summary>
    public Task ResumeAsync(Guid deploymentId, PortalUser user, CancellationToken cancellationToken) =>
        CommandAsync(deploymentId, user, AuditActions.Resume, DeploymentAction.Resume, null,
            d => d.WhyCannotResume(), cancellationToken);

    /// <summary>Runs one step of the current phase again.</summary>
    public Task RetryStepAsync(Guid deploymentId, string step, PortalUser user, CancellationToken cancellationToken) =>
        CommandAsync(deploymentId, user, AuditActions.RetryStep, DeploymentAction.RetryStep, step,
            d => d.WhyCannotRetryStep(step), cancellationToken);

    /// <summary>Deletes everything the deployment created (also mid-provisioning: running steps finish first).</summary>
    public Task TeardownAsync(Guid deploymentId, PortalUser user, CancellationToken cancellationToken) =>
        CommandAsync(deploymentId, user, AuditActions.Teardown, DeploymentAction.Teardown, null,
            d => d.WhyCannotTearDown(), cancellationToken);

    /// <summary>Tests the public endpoint now and stores the result as the deployment's latest test.</summary>
    public async Task<EndpointTestResult> RunEndpointTestAsync(Guid deploymentId, PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var target = new AuditTarget(deploymentId, null);
        using var scope = logger.BeginDeploymentScope(deploymentId);
        return await AuditedAsync(AuditActions.EndpointTest, user, target, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var deployment = await db.Deployments.Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
            if (deployment is null || !user.CanSee(deployment.Owner))
            {
                throw new DeploymentNotFoundException(deploymentId);
            }

            target.DeploymentName = deployment.Name;
            if (deployment.WhyCannotTestEndpoint() is { } reason)
            {
                throw new DeploymentConflictException(reason);
            }

            var testTarget = deployment.EndpointTestTarget();
            var aws = awsClientFactory.Create(deployment.Request.AwsSessionFor(user.Id, deployment.Id));
            var result = await endpointTester.TestAsync(testTarget, aws, cancellationToken);
            var json = JsonSerializer.Serialize(result);
            await db.Deployments.Where(d => d.Id == deploymentId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastEndpointTestJson, json), cancellationToken);
            target.Message = result.Passed ? "The endpoint answered as expected." : $"The endpoint test failed: {result.Diagnosis}";
            return result;
        });
    }

    /// <summary>The deployment with its steps; null when it does not exist or the user may not see it.</summary>
    public async Task<Deployment?> GetAsync(Guid deploymentId, PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deployment = await db.Deployments.AsNoTracking().Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        return deployment is not null && user.CanSee(deployment.Owner) ? deployment : null;
    }

    /// <summary>Log lines after <paramref name="afterId"/> (0 for all), oldest first; none for a deployment the user may not see.</summary>
    public async Task<IReadOnlyList<DeploymentLogEntry>> GetLogAsync(Guid deploymentId, long afterId, int max, PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.Deployments.Where(d => d.Id == deploymentId).Select(d => d.Owner).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || !user.CanSee(owner))
        {
            return [];
        }

        return await db.DeploymentLog.AsNoTracking()
            .Where(l => l.DeploymentId == deploymentId && l.Id > afterId)
            .OrderBy(l => l.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    public static EndpointTestResult? LastEndpointTest(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.LastEndpointTestJson is null ? null : JsonSerializer.Deserialize<EndpointTestResult>(deployment.LastEndpointTestJson);
    }

    private async Task<bool> CommandAsync(Guid deploymentId, PortalUser user, string auditAction, DeploymentAction action, string? step, Func<Deployment, string?> rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var target = new AuditTarget(deploymentId, null) { Message = step is null ? null : $"Step {step}." };
        // The scope also covers the audit entry written after the action.
        using var scope = logger.BeginDeploymentScope(deploymentId);
        return await AuditedAsync(auditAction, user, target, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var deployment = await db.Deployments.AsNoTracking().Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
            if (deployment is null || !user.CanSee(deployment.Owner))
            {
                throw new DeploymentNotFoundException(deploymentId);
            }

            target.DeploymentName = deployment.Name;
            if (rejection(deployment) is { } reason)
            {
                throw new DeploymentConflictException(reason);
            }

            // The engine re-checks under the lease; this write never touches columns the engine writes.
            await db.Deployments.Where(d => d.Id == deploymentId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.CommandSequence, d => d.CommandSequence + 1)
                    .SetProperty(d => d.RequestedAction, action)
                    .SetProperty(d => d.RequestedStep, step), cancellationToken);
            Enqueue(deploymentId);
            logger.LogInformation("{Action} requested for deployment {DeploymentId}", action, deploymentId);
            return true;
        });
    }

    /// <summary>
    /// Runs an action and records how it ended: refusals (not found / not allowed / wrong state) as rejected,
    /// anything else thrown as failed. The entry is written even when the caller has gone (no cancellation).
    /// </summary>
    private async Task<T> AuditedAsync<T>(string action, PortalUser user, AuditTarget target, Func<Task<T>> run)
    {
        T result;
        try
        {
            result = await run();
        }
        catch (Exception ex) when (ex is DeploymentNotFoundException or DeploymentConflictException)
        {
            await RecordAsync(AuditOutcome.Rejected, ex.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            await RecordAsync(AuditOutcome.Failed, "Cancelled.");
            throw;
        }
        catch (Exception ex)
        {
            await RecordAsync(AuditOutcome.Failed, ex.Message);
            throw;
        }

        await RecordAsync(AuditOutcome.Succeeded, target.Message);
        return result;

        Task RecordAsync(AuditOutcome outcome, string? message) =>
            audit.RecordAsync(new AuditEntry(user.Id, action, outcome, message, target.DeploymentId, target.DeploymentName), CancellationToken.None);
    }

    /// <summary>What an action learns about its deployment while it runs, for its audit entry.</summary>
    private sealed class AuditTarget(Guid? deploymentId, string? deploymentName)
    {
        public Guid? DeploymentId { get; set; } = deploymentId;

        public string? DeploymentName { get; set; } = deploymentName;

        public string? Message { get; set; }
    }

    private void Enqueue(Guid deploymentId) =>
        jobs.Enqueue<AdvanceDeploymentJob>(job => job.RunAsync(deploymentId, CancellationToken.None));
}

public sealed class DeploymentNotFoundException(Guid deploymentId) : Exception($"Deployment {deploymentId} does not exist.")
{
    public Guid DeploymentId { get; } = deploymentId;
}

/// <summary>The request contradicts the deployment's state (or another deployment); the message says why.</summary>
public sealed class DeploymentConflictException(string message) : Exception(message);
