using System.Text.RegularExpressions;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed partial class NamingRule : IPreflightRule
{
    private const string Check = "names";

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        var failed = false;
        if (!DeploymentName().IsMatch(request.Name))
        {
            failed = true;
            yield return PreflightFinding.Fail(Check, $"The name '{request.Name}' may only hold lowercase letters, digits and inner hyphens (it becomes part of AWS resource names).",
                "Use e.g. 'orders-api'.");
        }

        (string Kind, string Name, int Max)[] names =
        [
            ("load balancer", ResourceNames.LoadBalancer(request.Name), ResourceNames.LoadBalancerMaxLength),
            ("target group", ResourceNames.TargetGroup(request.Name), ResourceNames.TargetGroupMaxLength),
            ("VPC origin", ResourceNames.VpcOrigin(request.Name), ResourceNames.VpcOriginMaxLength),
            ("security group", ResourceNames.EndpointSecurityGroup(request.Name), ResourceNames.SecurityGroupMaxLength),
        ];
        foreach (var (kind, name, max) in names.Where(n => n.Name.Length > n.Max))
        {
            failed = true;
            yield return PreflightFinding.Fail(Check, $"The {kind} name '{name}' has {name.Length} characters; AWS allows {max}.",
                $"Shorten the deployment name by {name.Length - max} character(s).");
        }

        if (DomainNames.Normalize(request.DomainName).Length > 253 || request.DomainName.Split('.').Any(label => label.Length is 0 or > 63))
        {
            failed = true;
            yield return PreflightFinding.Fail(Check, $"'{request.DomainName}' is not a valid DNS name.", "Use a name like api.example.com (labels of 1-63 characters).");
        }

        foreach (var collision in facts.NameCollisions)
        {
            failed = true;
            yield return PreflightFinding.Fail(Check, $"A {collision.ResourceKind} named '{collision.Name}' already exists and does not belong to this deployment.",
                "Pick another deployment name, or delete the old resource.");
        }

        if (!failed)
        {
            yield return PreflightFinding.Pass(Check, "Every resource name is free and fits AWS limits.");
        }
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex DeploymentName();
}
