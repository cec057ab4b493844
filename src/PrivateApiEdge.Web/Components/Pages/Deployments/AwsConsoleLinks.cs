namespace PrivateApiEdge.Web.Components.Pages.Deployments;

/// <summary>Resource kinds the page links to, and where each one lives in the AWS console.</summary>
public static class AwsConsoleLinks
{
    public const string SecurityGroup = "Security group";
    public const string VpcEndpoint = "VPC endpoint";
    public const string RestApi = "REST API";
    public const string ApiDomain = "API custom domain";
    public const string TargetGroup = "Target group";
    public const string LoadBalancer = "Load balancer";
    public const string Listener = "Listener";
    public const string VpcOrigin = "VPC origin";
    public const string Distribution = "Distribution";
    public const string AliasRecord = "Alias record";
    public const string SecurityGroupRule = "Security group rule";

    /// <summary>The console page of a resource; null when the console has no page for it.</summary>
    /// <param name="kind">One of the kind constants.</param>
    /// <param name="id">Id, ARN or name, as the kind uses.</param>
    /// <param name="region">Workload region (CloudFront and Route 53 are global).</param>
    /// <param name="hostedZoneId">For alias records: the zone they live in.</param>
    public static string? For(string kind, string id, string region, string? hostedZoneId = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        var id64 = Uri.EscapeDataString(id);
        var console = $"https://{region}.console.aws.amazon.com";
        return kind switch
        {
            SecurityGroup => $"{console}/ec2/home?region={region}#SecurityGroup:groupId={id64}",
            VpcEndpoint => $"{console}/vpcconsole/home?region={region}#EndpointDetails:vpcEndpointId={id64}",
            RestApi => $"{console}/apigateway/main/apis/{id64}/resources?api={id64}&region={region}",
            ApiDomain => $"{console}/apigateway/main/publish/domain-names?domain={id64}&region={region}",
            TargetGroup => $"{console}/ec2/home?region={region}#TargetGroup:targetGroupArn={id64}",
            LoadBalancer or Listener => $"{console}/ec2/home?region={region}#LoadBalancers:search={id64}",
            VpcOrigin => $"https://us-east-1.console.aws.amazon.com/cloudfront/v4/home#/vpcorigins/{id64}",
            Distribution => $"https://us-east-1.console.aws.amazon.com/cloudfront/v4/home#/distributions/{id64}",
            AliasRecord when hostedZoneId is not null =>
                $"https://us-east-1.console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/{Uri.EscapeDataString(hostedZoneId)}",
            _ => null,
        };
    }
}
