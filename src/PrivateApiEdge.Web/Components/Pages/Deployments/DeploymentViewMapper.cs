using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.Web.Components.Pages.Deployments;

/// <summary>The one place that turns the engine's deployment state into the page's view models.</summary>
public static class DeploymentViewMapper
{
    /// <summary>Step outputs that name a resource, and the console kind each one is.</summary>
    private static readonly (string Key, string Kind)[] ResourceOutputs =
    [
        (OutputKeys.AlbSecurityGroupId, AwsConsoleLinks.SecurityGroup),
        (OutputKeys.EndpointSecurityGroupId, AwsConsoleLinks.SecurityGroup),
        (OutputKeys.VpcEndpointId, AwsConsoleLinks.VpcEndpoint),
        (OutputKeys.RestApiId, AwsConsoleLinks.RestApi),
        (OutputKeys.ApiDomainName, AwsConsoleLinks.ApiDomain),
        (OutputKeys.TargetGroupArn, AwsConsoleLinks.TargetGroup),
        (OutputKeys.LoadBalancerArn, AwsConsoleLinks.LoadBalancer),
        (OutputKeys.ListenerArn, AwsConsoleLinks.Listener),
        (OutputKeys.VpcOriginId, AwsConsoleLinks.VpcOrigin),
        (OutputKeys.CloudFrontSecurityGroupId, AwsConsoleLinks.SecurityGroupRule),
        (OutputKeys.DistributionId, AwsConsoleLinks.Distribution),
    ];

    /// <summary>Outputs a user copies into other tools, in the order they read them.</summary>
    private static readonly (string Key, string Label, string TestId)[] UserOutputs =
    [
        (OutputKeys.DistributionDomainName, "CloudFront domain", "cloudfront-domain"),
        (OutputKeys.DistributionId, "Distribution id", "distribution-id"),
        (OutputKeys.LoadBalancerArn, "ALB ARN", "alb-arn"),
        (OutputKeys.LoadBalancerDnsName, "ALB DNS name", "alb-dns"),
        (OutputKeys.VpcEndpointId, "Endpoint id", "endpoint-id"),
        (OutputKeys.EndpointIps, "Endpoint IPs", "endpoint-ips"),
        (OutputKeys.RestApiId, "API id", "api-id"),
        (OutputKeys.StageName, "Stage", "stage"),
        (OutputKeys.RegionalDomainName, "API Gateway regional name", "regional-domain"),
        (OutputKeys.VpcOriginId, "VPC origin id", "vpc-origin-id"),
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
            Steps = InPlanOrder(deployment).Select(s => MapStep(s, log, typicalDuration)).ToList(),
            Resources = Resources(deployment),
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

    /// <summary>The table's order (architecture.md §2), which is the order steps can run in; the database has none.</summary>
    private static IEnumerable<DeploymentStep> InPlanOrder(Deployment deployment)
    {
        var plan = (deployment.Phase == DeploymentPhase.Provision ? StepPlan.Provisioning : StepPlan.Teardown).Select(s => s.Name).ToList();
        return deployment.ActiveSteps.OrderBy(s => plan.IndexOf(s.Name) is var i && i >= 0 ? i : int.MaxValue);
    }

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

    /// <summary>Each output from the step that produced it (several steps reuse generic keys such as Status).</summary>
    private static Dictionary<string, string> MergedOutputs(Deployment deployment)
    {
        (string Step, string[] Keys)[] owners =
        [
            (StepNames.VpcEndpoint, [OutputKeys.VpcEndpointId, OutputKeys.EndpointIps]),
            (StepNames.PrivateApi, [OutputKeys.RestApiId, OutputKeys.StageName]),
            (StepNames.ApiDomain, [OutputKeys.RegionalDomainName]),
            (StepNames.LoadBalancer, [OutputKeys.LoadBalancerArn, OutputKeys.LoadBalancerDnsName]),
            (StepNames.VpcOrigin, [OutputKeys.VpcOriginId]),
            (StepNames.Distribution, [OutputKeys.DistributionId, OutputKeys.DistributionDomainName]),
        ];
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (stepName, keys) in owners)
        {
            var step = deployment.FindStep(DeploymentPhase.Provision, stepName);
            foreach (var key in keys)
            {
                if (step?.Outputs.GetValueOrDefault(key) is { Length: > 0 } value)
                {
                    outputs[key] = value;
                }
            }
        }

        return outputs;
    }

    private static List<ResourceView> Resources(Deployment deployment)
    {
        var tornDown = deployment.Status == DeploymentStatus.TornDown;
        var removedBySteps = deployment.Steps
            .Where(s => s.Phase == DeploymentPhase.Teardown && s.IsComplete)
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        var zone = deployment.Request.HostedZoneId;
        var resources = new List<ResourceView>();
        foreach (var step in deployment.Steps.Where(s => s.Phase == DeploymentPhase.Provision))
        {
            // A reused endpoint or adopted API, and CloudFront's own security group, are not ours: teardown leaves them.
            var reused = step.Outputs.ContainsKey(OutputKeys.VpcEndpointReused) || step.Outputs.ContainsKey(OutputKeys.ApiAdopted);
            var removed = tornDown || removedBySteps.Contains(step.Name);
            foreach (var (key, kind) in ResourceOutputs)
            {
                if (step.Outputs.GetValueOrDefault(key) is not { Length: > 0 } id)
                {
                    continue;
                }

                var shared = reused || key == OutputKeys.CloudFrontSecurityGroupId;
                var link = AwsConsoleLinks.For(kind == AwsConsoleLinks.SecurityGroupRule ? AwsConsoleLinks.SecurityGroup : kind, id, deployment.Region, zone);
                resources.Add(new ResourceView(kind, id, link, shared, Deleted: removed && !shared));
            }

            if (step.Name == StepNames.DnsRecords && step.Outputs.GetValueOrDefault(OutputKeys.RecordTypes) is { Length: > 0 } types)
            {
                resources.Add(new ResourceView(AwsConsoleLinks.AliasRecord, $"{deployment.DomainName} ({types})",
                    AwsConsoleLinks.For(AwsConsoleLinks.AliasRecord, deployment.DomainName, deployment.Region, zone), Deleted: removed));
            }
        }

        return resources;
    }
}
