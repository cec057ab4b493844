using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.Web.Features.Preflight;

/// <summary>
/// Gathers <see cref="PreflightFacts"/> with read-only calls only (Describe/Get/List). Each lookup fails on its
/// own: its error is kept for the rule that needs it, and the other checks still run.
/// </summary>
public static class PreflightFactsCollector
{
    public static async Task<PreflightFacts> CollectAsync(AwsClients aws, DeploymentRequest request, Guid? deploymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task<T?> Look<T>(string what, Func<Task<T>> lookup)
            where T : class?
        {
            try
            {
                return await lookup();
            }
            catch (AwsApiException ex) when (!AwsErrors.IsTransient(ex))
            {
                // Throttling and 5xx are not facts about the account: they propagate, and the step polls again.
                lock (errors)
                {
                    errors[what] = $"{ex.ErrorCode}: {ex.AwsMessage}";
                }

                return null;
            }
        }

        var caller = Look("caller-identity", async () =>
        {
            var identity = await aws.Sts.GetCallerIdentityAsync(cancellationToken);
            return new CallerFact(identity.Account, identity.Arn);
        });
        var vpc = Look("vpc", () => VpcAsync(aws.Ec2, request.VpcId, cancellationToken));
        var subnets = Look("subnets", async () => (await aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = request.SubnetIds }, cancellationToken))
            .Subnets.Select(s => new SubnetFact(s.SubnetId, s.VpcId ?? "", s.AvailabilityZone ?? "")).ToList());
        var cloudFrontCertificate = Look("cloudfront-certificate", () => CertificateAsync(aws, request.CloudFrontCertificateArn, request.Region, cancellationToken));
        var regionalCertificate = Look("regional-certificate", () => CertificateAsync(aws, request.RegionalCertificateArn, request.Region, cancellationToken));
        var zone = Look("hosted-zone", async () =>
        {
            var found = await aws.Route53.GetHostedZoneAsync(new GetHostedZoneRequest(request.HostedZoneId), cancellationToken);
            return new HostedZoneFact(found.HostedZone.Id, found.HostedZone.Name, found.HostedZone.PrivateZone);
        });
        var candidateZones = Look("candidate-zones", () => CandidateZonesAsync(aws.Route53, request.DomainName, cancellationToken));
        var alias = Look("alias", async () =>
        {
            var holder = await aws.CloudFront.FindDistributionByAliasAsync(request.DomainName, cancellationToken);
            return holder is null ? [] : new List<string> { holder.Id };
        });
        var records = Look("dns-record", () => ExistingRecordsAsync(aws.Route53, request, cancellationToken));
        var endpoints = Look("execute-api-endpoint", () => EndpointsAsync(aws.Ec2, request, cancellationToken));
        var existingApi = request.ExistingApi is { } api
            ? Look("existing-api", () => ExistingApiAsync(aws.ApiGateway, api, cancellationToken))
            : Task.FromResult<ExistingApiFact?>(null);
        var collisions = Look("names", () => NameCollisionsAsync(aws, request, deploymentId, cancellationToken));

        await Task.WhenAll(caller, vpc, subnets, cloudFrontCertificate, regionalCertificate, zone, candidateZones, alias, records, endpoints, existingApi, collisions);
        return new PreflightFacts
        {
            Caller = await caller,
            Vpc = await vpc,
            Subnets = await subnets ?? [],
            CloudFrontCertificate = await cloudFrontCertificate,
            RegionalCertificate = await regionalCertificate,
            HostedZone = await zone,
            CandidateZones = await candidateZones ?? [],
            DistributionsWithAlias = await alias ?? [],
            ExistingRecords = await records ?? [],
            ExecuteApiEndpoints = await endpoints ?? [],
            ExistingApi = await existingApi,
            NameCollisions = await collisions ?? [],
            LookupErrors = errors,
        };
    }

    private static async Task<VpcFact?> VpcAsync(IEc2Client ec2, string vpcId, CancellationToken cancellationToken)
    {
        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpcId] }, cancellationToken);
        if (vpcs.Vpcs.Count == 0)
        {
            return null;
        }

        var support = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest(vpcId, VpcAttributeNames.EnableDnsSupport), cancellationToken);
        var hostnames = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest(vpcId, VpcAttributeNames.EnableDnsHostnames), cancellationToken);
        var gateways = await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Ec2Filter("attachment.vpc-id", vpcId)] }, cancellationToken);
        return new VpcFact(vpcId, support.EnableDnsSupport == true, hostnames.EnableDnsHostnames == true, gateways.InternetGateways.Count > 0);
    }

    private static async Task<CertificateFact?> CertificateAsync(AwsClients aws, string arn, string workloadRegion, CancellationToken cancellationToken)
    {
        var region = ArnRegion(arn);
        var client = region == "us-east-1" ? aws.CertificatesInUsEast1 : region == workloadRegion ? aws.CertificatesInRegion : null;
        if (client is null)
        {
            return new CertificateFact(arn, region ?? "unknown", "UNKNOWN", [], null);
        }

        var found = await client.DescribeCertificateAsync(new DescribeCertificateRequest(arn), cancellationToken);
        var certificate = found.Certificate;
        return new CertificateFact(arn, region!, certificate.Status, [certificate.DomainName, .. certificate.SubjectAlternativeNames], certificate.NotAfter);
    }

    private static async Task<IReadOnlyList<HostedZoneFact>> CandidateZonesAsync(IRoute53Client route53, string domain, CancellationToken cancellationToken)
    {
        var zones = new List<HostedZoneFact>();
        await foreach (var zone in route53.ListAllHostedZonesByNameAsync(new ListHostedZonesByNameRequest(), cancellationToken))
        {
            if (!zone.PrivateZone && DomainNames.IsInZone(domain, zone.Name))
            {
                zones.Add(new HostedZoneFact(zone.Id, zone.Name, zone.PrivateZone));
            }
        }

        return zones;
    }

    private static async Task<IReadOnlyList<RecordFact>> ExistingRecordsAsync(IRoute53Client route53, DeploymentRequest request, CancellationToken cancellationToken)
    {
        var page = await route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(request.HostedZoneId) { StartRecordName = request.DomainName, MaxItems = 10 }, cancellationToken);
        return page.ResourceRecordSets
            .Where(r => DomainNames.Normalize(r.Name) == DomainNames.Normalize(request.DomainName) && r.Type is "A" or "AAAA" or "CNAME")
            .Select(r => new RecordFact(r.Type, r.AliasTarget?.DnsName ?? string.Join(", ", r.ResourceRecords)))
            .ToList();
    }

    private static async Task<IReadOnlyList<VpcEndpointFact>> EndpointsAsync(IEc2Client ec2, DeploymentRequest request, CancellationToken cancellationToken)
    {
        var found = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Ec2Filter("vpc-id", request.VpcId), new Ec2Filter("service-name", ExecuteApiServiceName(request.Region))],
        }, cancellationToken);
        return found.VpcEndpoints
            .Select(e => new VpcEndpointFact(e.VpcEndpointId, (e.State ?? "").ToLowerInvariant(), e.PrivateDnsEnabled))
            .Where(e => e.State is not ("deleted" or "deleting" or "failed" or "rejected" or "expired"))
            .ToList();
    }

    private static async Task<ExistingApiFact?> ExistingApiAsync(IApiGatewayClient apiGateway, ExistingApi api, CancellationToken cancellationToken)
    {
        RestApi restApi;
        try
        {
            restApi = await apiGateway.GetRestApiAsync(new GetRestApiRequest(api.RestApiId), cancellationToken);
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return null;
        }

        var stageExists = true;
        try
        {
            await apiGateway.GetStageAsync(new GetStageRequest(api.RestApiId, api.StageName), cancellationToken);
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            stageExists = false;
        }

        var endpointConfiguration = restApi.EndpointConfiguration;
        return new ExistingApiFact(restApi.Id, endpointConfiguration?.Types.Contains("PRIVATE") == true, stageExists, endpointConfiguration?.VpcEndpointIds ?? []);
    }

    private static async Task<IReadOnlyList<NameCollision>> NameCollisionsAsync(AwsClients aws, DeploymentRequest request, Guid? deploymentId, CancellationToken cancellationToken)
    {
        var collisions = new List<NameCollision>();
        var ours = deploymentId?.ToString();

        var loadBalancerName = ResourceNames.LoadBalancer(request.Name);
        var loadBalancers = await NotFoundAsEmpty(async () => (await aws.ElasticLoadBalancing.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = [loadBalancerName] }, cancellationToken)).LoadBalancers);
        if (loadBalancers.Count > 0 && !await ElbTaggedAsync(aws.ElasticLoadBalancing, loadBalancers[0].LoadBalancerArn, ours, cancellationToken))
        {
            collisions.Add(new NameCollision("load balancer", loadBalancerName));
        }

        var targetGroupName = ResourceNames.TargetGroup(request.Name);
        var targetGroups = await NotFoundAsEmpty(async () => (await aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [targetGroupName] }, cancellationToken)).TargetGroups);
        if (targetGroups.Count > 0 && !await ElbTaggedAsync(aws.ElasticLoadBalancing, targetGroups[0].TargetGroupArn, ours, cancellationToken))
        {
            collisions.Add(new NameCollision("target group", targetGroupName));
        }

        foreach (var groupName in new[] { ResourceNames.AlbSecurityGroup(request.Name), ResourceNames.EndpointSecurityGroup(request.Name) })
        {
            var groups = await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                Filters = [new Ec2Filter("vpc-id", request.VpcId), new Ec2Filter("group-name", groupName)],
            }, cancellationToken);
            if (groups.SecurityGroups.Any(g => !g.Tags.Any(t => t.Key == TrackingTags.Deployment && t.Value == ours)))
            {
                collisions.Add(new NameCollision("security group", groupName));
            }
        }

        var domain = await NotFoundAsNull(() => aws.ApiGateway.GetDomainNameAsync(new GetDomainNameRequest(request.DomainName), cancellationToken));
        if (domain is not null && domain.Tags?.GetValueOrDefault(TrackingTags.Deployment) != ours)
        {
            collisions.Add(new NameCollision("API Gateway custom domain", request.DomainName));
        }

        return collisions;
    }

    private static async Task<bool> ElbTaggedAsync(IElasticLoadBalancingClient elb, string arn, string? deploymentId, CancellationToken cancellationToken)
    {
        if (deploymentId is null)
        {
            return false;
        }

        var tags = await elb.DescribeTagsAsync(new DescribeTagsRequest([arn]), cancellationToken);
        return tags.TagDescriptions.SelectMany(d => d.Tags).Any(t => t.Key == TrackingTags.Deployment && t.Value == deploymentId);
    }

    private static async Task<IReadOnlyList<T>> NotFoundAsEmpty<T>(Func<Task<IReadOnlyList<T>>> call)
    {
        try
        {
            return await call();
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return [];
        }
    }

    private static async Task<T?> NotFoundAsNull<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    public static string ExecuteApiServiceName(string region) => $"com.amazonaws.{region}.execute-api";

    /// <summary>The region field of an ARN (<c>arn:aws:acm:REGION:account:certificate/id</c>).</summary>
    public static string? ArnRegion(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':');
        return parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null;
    }
}
