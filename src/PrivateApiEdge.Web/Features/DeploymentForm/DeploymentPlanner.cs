using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>What one step will do for the chosen options (architecture.md §2).</summary>
/// <param name="Key">The step's key, as the engine names it (e.g. <c>vpc-endpoint</c>).</param>
/// <param name="Title">What the step is about, for people.</param>
/// <param name="Wave">Steps of one wave can run at the same time; wave n+1 starts when its inputs are done.</param>
/// <param name="DependsOn">Keys of the steps whose outputs it needs.</param>
/// <param name="Actions">What it will do, one sentence per AWS change or wait.</param>
/// <param name="Reuses">The step adopts something that exists instead of creating it (nothing of it is deleted on teardown).</param>
public sealed record PlannedStep(string Key, string Title, int Wave, IReadOnlyList<string> DependsOn, IReadOnlyList<string> Actions, bool Reuses);

/// <summary>Derives the plan preview from the form: the step DAG, what each step creates, and in which order.</summary>
public static class DeploymentPlanner
{
    private static readonly (string Key, string Title, string[] After)[] Dag =
    [
        ("preflight", "Preflight checks", []),
        ("security-groups", "Security groups", ["preflight"]),
        ("vpc-endpoint", "execute-api VPC endpoint", ["security-groups"]),
        ("private-api", "Private REST API", ["vpc-endpoint"]),
        ("api-domain", "API custom domain", ["private-api"]),
        ("target-group", "IP target group", ["vpc-endpoint"]),
        ("load-balancer", "Internal load balancer", ["target-group", "security-groups"]),
        ("vpc-origin", "CloudFront VPC origin", ["load-balancer"]),
        ("origin-security", "Origin security rules", ["vpc-origin"]),
        ("distribution", "CloudFront distribution", ["vpc-origin", "api-domain"]),
        ("dns-records", "Route 53 alias records", ["distribution"]),
        ("target-health", "Target health", ["load-balancer", "origin-security"]),
        ("endpoint-test", "Endpoint test", ["dns-records", "target-health", "api-domain"]),
    ];

    /// <summary>Step keys in the table's order; the timeline and the diagram use them too.</summary>
    public static IReadOnlyList<string> StepKeys { get; } = Dag.Select(s => s.Key).ToArray();

    public static string TitleOf(string stepKey) =>
        Dag.FirstOrDefault(s => s.Key == stepKey).Title ?? stepKey;

    public static IReadOnlyList<PlannedStep> Build(DeploymentFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = new List<PlannedStep>();
        foreach (var (key, title, after) in Dag)
        {
            // The table lists every step after its inputs, so one pass settles the waves.
            var wave = after.Length == 0 ? 0 : after.Max(a => waves[a]) + 1;
            waves[key] = wave;
            var (actions, reuses) = Describe(key, model);
            steps.Add(new PlannedStep(key, title, wave, after, actions, reuses));
        }

        return steps.OrderBy(s => s.Wave).ThenBy(s => Array.FindIndex(Dag, d => d.Key == s.Key)).ToList();
    }

    private static (string[] Actions, bool Reuses) Describe(string key, DeploymentFormModel model)
    {
        var name = string.IsNullOrWhiteSpace(model.Name) ? "<name>" : model.Name;
        var domain = string.IsNullOrWhiteSpace(model.DomainName) ? "<domain>" : model.DomainName;
        var subnets = model.SubnetIds.Count;
        return key switch
        {
            "preflight" => (["Check the caller identity, the VPC (DNS support, DNS hostnames, internet gateway) and the subnets",
                "Check both certificates are ISSUED, in the right regions and cover " + domain,
                "Check the hosted zone is public and holds " + domain + ", and no other distribution uses the alias"], false),
            "security-groups" => (model.ReusesVpcEndpoint
                ? ["Create the load balancer security group " + ResourceNames.AlbSecurityGroup(name) + " (egress 443)",
                    "Allow 443 from it on the security groups of " + model.ExistingVpcEndpointId]
                : ["Create the load balancer security group " + ResourceNames.AlbSecurityGroup(name) + " (egress 443)",
                    "Create the endpoint security group " + ResourceNames.EndpointSecurityGroup(name) + " (ingress 443 from the load balancer)"], false),
            "vpc-endpoint" => model.ReusesVpcEndpoint
                ? (["Reuse endpoint " + model.ExistingVpcEndpointId + " (left in place on teardown)", "Read its network interface IPs"], true)
                : ([$"Create an execute-api interface endpoint with private DNS in {subnets} subnets", "Wait until it is available, read its network interface IPs"], false),
            "private-api" => model.ReusesRestApi
                ? (["Use the existing private API " + model.ExistingRestApiId + ", stage " + model.ExistingStageName,
                    "Check its resource policy allows the endpoint"], true)
                : (["Create the private REST API " + ResourceNames.RestApi(name) + " (GET / answers through a MOCK integration)",
                    "Resource policy: execute-api:Invoke only from the endpoint", "Deploy stage " + ResourceNames.StageName], false),
            "api-domain" => (["Create the REGIONAL custom domain " + domain + " with the regional certificate (TLS 1.2)",
                "Map its root path to the API stage"], false),
            "target-group" => (["Create the IP target group " + ResourceNames.TargetGroup(name) + " (HTTPS 443, health check HTTPS, matcher 200,403)",
                "Register the endpoint's IPs as targets"], false),
            "load-balancer" => (["Create the internal application load balancer " + ResourceNames.LoadBalancer(name) + " in the chosen subnets",
                "Wait until active, add the HTTPS 443 listener with the regional certificate"], false),
            "vpc-origin" => (["Create the CloudFront VPC origin " + ResourceNames.VpcOrigin(name) + " for the load balancer (HTTPS only, TLS 1.2)",
                "Wait until deployed (AWS can take 15 minutes or more)"], false),
            "origin-security" => (["Allow 443 from CloudFront's origin-facing prefix list on CloudFront-VPCOrigins-Service-SG",
                "Allow 443 from that group on the load balancer security group"], false),
            "distribution" => ([DistributionSummary(model, domain), .. DistributionOptions(model), "Wait until deployed"], false),
            "dns-records" => ([(model.EnableIpv6 ? "UPSERT alias A and AAAA records " : "UPSERT alias A record ") + domain + " → the distribution",
                model.OverwriteExistingRecord ? "An existing record for the name is replaced" : "An existing record for the name stops the deployment in preflight",
                "Wait until INSYNC"], false),
            "target-health" => (["Wait until the load balancer reports the endpoint targets healthy"], false),
            "endpoint-test" => (["GET https://" + domain + "/ and expect 200 with the API's answer", "Record status, latency and headers"], false),
            _ => ([], false),
        };
    }

    private static string DistributionSummary(DeploymentFormModel model, string domain) =>
        $"Create the distribution for {domain} (us-east-1 certificate, TLSv1.2_2021, HTTP/2 and 3, HTTPS only, " +
        $"cache policy {model.CachePolicy}{(model.EnableIpv6 ? ", IPv6" : "")})";

    private static IEnumerable<string> DistributionOptions(DeploymentFormModel model)
    {
        if (!string.IsNullOrWhiteSpace(model.WebAclArn))
        {
            yield return "Attach web ACL " + model.WebAclArn;
        }

        if (model.GeoRestriction != GeoRestrictionKind.None)
        {
            var codes = string.Join(", ", DeploymentFormValidator.CountryCodes(model.GeoRestrictionCountries));
            yield return model.GeoRestriction == GeoRestrictionKind.Allow
                ? $"Geo restriction: allow only {codes} (CloudFront answers 403 to every other country)"
                : $"Geo restriction: block {codes} (CloudFront answers 403 there)";
        }

        var tags = FormTags.Parse(model.Tags);
        if (tags.Count > 0)
        {
            yield return $"Tag every resource with {tags.Count} tag(s) of yours besides the portal's own";
        }
    }
}
