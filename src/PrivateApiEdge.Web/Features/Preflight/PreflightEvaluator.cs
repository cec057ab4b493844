using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight.Rules;

namespace PrivateApiEdge.Web.Features.Preflight;

/// <summary>Runs every rule; the order is the order the UI lists them in.</summary>
public static class PreflightEvaluator
{
    public static IReadOnlyList<IPreflightRule> AllRules { get; } =
    [
        new CallerIdentityRule(),
        new VpcRule(),
        new SubnetsRule(),
        new CertificateRule(CertificateRule.Use.CloudFront),
        new CertificateRule(CertificateRule.Use.Regional),
        new HostedZoneRule(),
        new AliasRule(),
        new ExistingRecordRule(),
        new ExecuteApiEndpointRule(),
        new ExistingApiRule(),
        new NamingRule(),
    ];

    public static PreflightReport Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        return new PreflightReport(AllRules.SelectMany(rule => rule.Evaluate(request, facts)).ToList()) { AccountId = facts.Caller?.Account };
    }

    /// <summary>The endpoint provisioning should reuse: the one the user chose, else an available private-DNS one.</summary>
    public static VpcEndpointFact? EndpointToReuse(DeploymentRequest request, PreflightFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        return request.ExistingVpcEndpointId is { } chosen
            ? facts.ExecuteApiEndpoints.FirstOrDefault(e => e.VpcEndpointId == chosen)
            : facts.ExecuteApiEndpoints.FirstOrDefault(e => e.PrivateDnsEnabled && e.State is "available" or "pending");
    }
}
