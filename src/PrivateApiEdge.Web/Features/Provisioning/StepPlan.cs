namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>A step and the steps that must be complete before it may start.</summary>
public sealed record StepDefinition(string Name, IReadOnlyList<string> DependsOn)
{
    public StepDefinition(string name, params string[] dependsOn)
        : this(name, (IReadOnlyList<string>)dependsOn)
    {
    }
}

/// <summary>The provisioning DAG (architecture.md §2) and the teardown DAG (aws-notes "Teardown steps").</summary>
public static class StepPlan
{
    public static IReadOnlyList<StepDefinition> Provisioning { get; } =
    [
        new(StepNames.Preflight),
        new(StepNames.SecurityGroups, StepNames.Preflight),
        new(StepNames.VpcEndpoint, StepNames.SecurityGroups),
        new(StepNames.PrivateApi, StepNames.VpcEndpoint),
        new(StepNames.ApiDomain, StepNames.PrivateApi),
        new(StepNames.TargetGroup, StepNames.VpcEndpoint),
        new(StepNames.LoadBalancer, StepNames.TargetGroup, StepNames.SecurityGroups),
        new(StepNames.VpcOrigin, StepNames.LoadBalancer),
        new(StepNames.OriginSecurity, StepNames.VpcOrigin),
        new(StepNames.Distribution, StepNames.VpcOrigin, StepNames.ApiDomain),
        new(StepNames.DnsRecords, StepNames.Distribution),
        new(StepNames.TargetHealth, StepNames.LoadBalancer, StepNames.OriginSecurity),
        new(StepNames.EndpointTest, StepNames.DnsRecords, StepNames.TargetHealth, StepNames.ApiDomain),
    ];

    /// <summary>
    /// Documented order: records → distribution → our rules around CloudFront's SG → VPC origin → ALB → target group.
    /// Our ALB-SG rule referencing <c>CloudFront-VPCOrigins-Service-SG</c> must go before the VPC's last VPC origin:
    /// CloudFront then deletes its group, and EC2 refuses (DependencyViolation) while another group's rule references
    /// it, leaving the group behind for good. The API Gateway branch only needs the distribution gone; the endpoint
    /// goes after everything that points at it, our SGs last (their rules reference each other and ENIs drain slowly).
    /// </summary>
    public static IReadOnlyList<StepDefinition> Teardown { get; } =
    [
        new(StepNames.DnsRecords),
        new(StepNames.Distribution, StepNames.DnsRecords),
        new(StepNames.OriginSecurity, StepNames.Distribution),
        new(StepNames.VpcOrigin, StepNames.OriginSecurity),
        new(StepNames.LoadBalancer, StepNames.OriginSecurity, StepNames.VpcOrigin),
        new(StepNames.TargetGroup, StepNames.LoadBalancer),
        new(StepNames.ApiDomain, StepNames.Distribution),
        new(StepNames.PrivateApi, StepNames.ApiDomain),
        new(StepNames.VpcEndpoint, StepNames.PrivateApi, StepNames.TargetGroup),
        new(StepNames.SecurityGroups, StepNames.VpcEndpoint, StepNames.LoadBalancer, StepNames.OriginSecurity),
    ];

    /// <summary>Throws when a plan names an unknown dependency or has a cycle, so a bad table fails at startup.</summary>
    public static void Validate(IReadOnlyList<StepDefinition> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var names = plan.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Count != plan.Count)
        {
            throw new InvalidOperationException("A step plan names a step twice.");
        }

        foreach (var step in plan)
        {
            var unknown = step.DependsOn.FirstOrDefault(d => !names.Contains(d));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"Step '{step.Name}' depends on unknown step '{unknown}'.");
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        while (done.Count < plan.Count)
        {
            var next = plan.Where(s => !done.Contains(s.Name) && s.DependsOn.All(done.Contains)).ToList();
            if (next.Count == 0)
            {
                throw new InvalidOperationException("A step plan has a dependency cycle.");
            }

            done.UnionWith(next.Select(s => s.Name));
        }
    }
}
