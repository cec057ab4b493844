using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.EndpointTest;

namespace PrivateApiEdge.Web.Components.Pages.Deployments;

/// <summary>The one place that turns the engine's deployment state into the page's view models.</summary>
public static class DeploymentViewMapper
{
    /// <summary>Step outputs that name a resource, and the console kind each one is.</summary>
    private static readonly (string Key, string Kind)[] ResourceOutputs =
    [
        ("AlbSecurityGroupId", AwsConsoleLinks.SecurityGroup),
        ("EndpointSecurityGroupId", AwsConsoleLinks.SecurityGroup),
        ("VpcEndpointId", AwsConsoleLinks.VpcEndpoint),
        ("RestApiId", AwsConsoleLinks.RestApi),
        ("ApiDomainName", AwsConsoleLinks.ApiDomain),
        ("TargetGroupArn", AwsConsoleLinks.TargetGroup),
        ("LoadBalancerArn", AwsConsoleLinks.LoadBalancer),
        ("ListenerArn", AwsConsoleLinks.Listener),
        ("VpcOriginId", AwsConsoleLinks.VpcOrigin),
        ("DistributionId", AwsConsoleLinks.Distribution),
        ("RecordName", AwsConsoleLinks.AliasRecord),
    ];

    /// <summary>Outputs a user copies into other tools, in the order they read them.</summary>
    private static readonly (string Key, string Label, string TestId)[] UserOutputs =
    [
        ("DistributionDomainName", "CloudFront domain", "cloudfront-domain"),
        ("DistributionId", "Distribution id", "distribution-id"),
        ("LoadBalancerArn", "ALB ARN", "alb-arn"),
        ("LoadBalancerDnsName", "ALB DNS name", "alb-dns"),
        ("VpcEndpointId", "Endpoint id", "endpoint-id"),
        ("RestApiId", "API id", "api-id"),
        ("StageName", "Stage", "stage"),
        ("VpcOriginId", "VPC origin id", "vpc-origin-id"),
    ];

    public static DeploymentView Map(
        Deployment deployment,
        IReadOnlyList<DeploymentLogEntry> log,
        AwsCallSnapshot calls,
        Func<string, TimeSpan?> typicalDuration)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(typicalDuration);
        var outputs = MergedOutputs(deployment);
        var test = DeploymentService.LastEndpointTest(deployment);
        return new DeploymentView
        {
            Id = deployment.Id,
            Name = deployment.Name,
            DomainName = deployment.DomainName,
            Region = deployment.Region,
            Status = deployment.Status,
            Owner = deployment.Owner,
            CreatedAt = deployment.CreatedAt,
            Error = deployment.Error is null ? null : $"{deployment.FailedStep}: {deployment.Error}",
            Steps = deployment.ActiveSteps.Select(s => MapStep(s, log, typicalDuration)).ToList(),
            Resources = Resources(deployment, outputs),
            Outputs = UserOutputs.Where(o => outputs.ContainsKey(o.Key))
                .Select(o => new OutputView(o.Label, outputs[o.Key], o.TestId)).ToList(),
            AwsCalls = calls.Operations
                .OrderBy(o => o.Service, StringComparer.Ordinal).ThenBy(o => o.Operation, StringComparer.Ordinal)
                .Select(o => new AwsCallCountView(o.Service, o.Operation, o.Calls, o.Failures)).ToList(),
            EndpointTest = test is null ? null : MapTest(test),
        };
    }

    public static EndpointTestView MapTest(EndpointTestResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var error = test.Diagnosis is null ? null : test.FailingHop is null ? test.Diagnosis : $"{test.FailingHop}: {test.Diagnosis}";
        return new EndpointTestView(test.Passed, test.StatusCode, TimeSpan.FromMilliseconds(test.LatencyMilliseconds), test.At, test.Body, error, test.Headers);
    }

    public static StepState MapState(StepStatus status) => status switch
    {
        StepStatus.Running => StepState.Running,
        StepStatus.Waiting => StepState.Waiting,
        StepStatus.Succeeded => StepState.Succeeded,
        StepStatus.Failed => StepState.Failed,
        StepStatus.Skipped => StepState.Skipped,
        _ => StepState.Pending,
    };

    private static StepView MapStep(DeploymentStep step, IReadOnlyList<DeploymentLogEntry> log, Func<string, TimeSpan?> typicalDuration) => new()
    {
        Key = step.Name,
        Title = (step.Phase == DeploymentPhase.Teardown ? "Remove: " : "") + DeploymentPlanner.TitleOf(step.Name),
        State = MapState(step.Status),
        StartedAt = step.StartedAt,
        FinishedAt = step.FinishedAt,
        Attempts = step.Attempts,
        Message = step.Error ?? step.WaitReason,
        TypicalDuration = step.Phase == DeploymentPhase.Provision ? typicalDuration(step.Name) : null,
        Log = log.Where(l => l.Step == step.Name && l.Phase == step.Phase)
            .Select(l => new StepLogEntry(l.At, l.Message, l.Level == DeploymentLogLevel.Error)).ToList(),
    };

    private static Dictionary<string, string> MergedOutputs(Deployment deployment)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in deployment.Steps.Where(s => s.Phase == DeploymentPhase.Provision))
        {
            foreach (var (key, value) in step.Outputs)
            {
                outputs.TryAdd(key, value);
            }
        }

        return outputs;
    }

    private static List<ResourceView> Resources(Deployment deployment, Dictionary<string, string> outputs)
    {
        var tornDown = deployment.Status == DeploymentStatus.TornDown;
        var removedBySteps = deployment.Steps
            .Where(s => s.Phase == DeploymentPhase.Teardown && s.IsComplete)
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        var reusedEndpoint = deployment.Request.ExistingVpcEndpointId;
        var reusedApi = deployment.Request.ExistingApi?.RestApiId;
        var zone = deployment.Request.HostedZoneId;
        var resources = new List<ResourceView>();
        foreach (var step in deployment.Steps.Where(s => s.Phase == DeploymentPhase.Provision))
        {
            foreach (var (key, kind) in ResourceOutputs)
            {
                if (!step.Outputs.TryGetValue(key, out var id))
                {
                    continue;
                }

                var shared = id == reusedEndpoint || id == reusedApi;
                resources.Add(new ResourceView(kind, id, AwsConsoleLinks.For(kind, id, deployment.Region, zone), shared,
                    Deleted: !shared && (tornDown || removedBySteps.Contains(step.Name))));
            }
        }

        return resources;
    }
}
