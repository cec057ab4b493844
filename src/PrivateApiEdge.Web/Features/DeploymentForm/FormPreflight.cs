using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The form's "Run preflight" button: gathers <see cref="PreflightFacts"/> with read-only AWS calls and runs the
/// engine's rules over them, before anything is stored. A lookup that fails becomes a finding, not an exception.
/// </summary>
public sealed class FormPreflight(IAwsClientFactory clientFactory)
{
    public async Task<PreflightReport> RunAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var aws = clientFactory.Create(new AwsSession(request.Region));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task<T?> Look<T>(string check, Func<Task<T?>> lookup)
            where T : class
        {
            try
            {
                return await lookup();
            }
            catch (AwsApiException ex)
            {
                errors[check] = $"{ex.ErrorCode}: {ex.AwsMessage}";
                return null;
            }
        }

        var caller = await Look("caller-identity", async () =>
        {
            var identity = await aws.Sts.GetCallerIdentityAsync(cancellationToken);
            return new CallerFact(identity.Account, identity.Arn);
        });
        var vpc = await Look("vpc", () => VpcAsync(aws.Ec2, request.VpcId, cancellationToken));
        var subnets = await Look("subnets", async () =>
            (await aws.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = request.SubnetIds }, cancellationToken)).Subnets
                .Select(s => new SubnetFact(s.SubnetId, s.VpcId ?? "", s.AvailabilityZone ?? "")).ToList());
        var cloudFrontCertificate = await Look("cloudfront-certificate",
            () => CertificateAsync(aws.CertificatesInUsEast1, request.CloudFrontCertificateArn, AwsRegions.CloudFrontRegion, cancellationToken));
        var regionalCertificate = await Look("regional-certificate",
            () => CertificateAsync(aws.CertificatesInRegion, request.RegionalCertificateArn, request.Region, cancellationToken));
        var zone = await Look("hosted-zone", async () =>
        {
            var answer = await aws.Route53.GetHostedZoneAsync(new GetHostedZoneRequest(request.HostedZoneId), cancellationToken);
            return Zone(answer.HostedZone);
        });
        var candidates = await Look("hosted-zone", () => CandidateZonesAsync(aws.Route53, request.DomainName, cancellationToken));
        var alias = await Look("alias", async () =>
            await aws.CloudFront.FindDistributionByAliasAsync(request.DomainName, cancellationToken) is { } distribution ? new List<string> { distribution.Id } : []);
        var records = await Look("dns-record", () => RecordsAsync(aws.Route53, request.HostedZoneId, request.DomainName, cancellationToken));
        var endpoints = await Look("execute-api-endpoint", async () =>
            (await aws.Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
            {
                Filters = [new Ec2Filter("vpc-id", request.VpcId), new Ec2Filter("service-name", $"com.amazonaws.{request.Region}.execute-api")],
            }, cancellationToken)).VpcEndpoints.Select(e => new VpcEndpointFact(e.VpcEndpointId, e.State ?? "", e.PrivateDnsEnabled)).ToList());
        var existingApi = request.ExistingApi is { } api
            ? await Look("existing-api", () => ExistingApiAsync(aws.ApiGateway, api, cancellationToken))
            : null;
        var collisions = await Look("names", () => NameCollisionsAsync(aws.ElasticLoadBalancing, request.Name, cancellationToken));

        var facts = new PreflightFacts
        {
            Caller = caller,
            Vpc = vpc,
            Subnets = subnets ?? [],
            CloudFrontCertificate = cloudFrontCertificate,
            RegionalCertificate = regionalCertificate,
            HostedZone = zone,
            CandidateZones = candidates ?? [],
            DistributionsWithAlias = alias ?? [],
            ExistingRecords = records ?? [],
            ExecuteApiEndpoints = endpoints ?? [],
            ExistingApi = existingApi,
            NameCollisions = collisions ?? [],
            LookupErrors = errors,
        };
        return PreflightEvaluator.Evaluate(request, facts);
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
        var gateways = await ec2.DescribeInternetGatewaysAsync(
            new DescribeInternetGatewaysRequest { Filters = [new Ec2Filter("attachment.vpc-id", vpcId)] }, cancellationToken);
        return new VpcFact(vpcId, support.EnableDnsSupport == true, hostnames.EnableDnsHostnames == true, gateways.InternetGateways.Count > 0);
    }

    private static async Task<CertificateFact?> CertificateAsync(ICertificateManagerClient acm, string arn, string region, CancellationToken cancellationToken)
    {
        var certificate = (await acm.DescribeCertificateAsync(new DescribeCertificateRequest(arn), cancellationToken)).Certificate;
        return new CertificateFact(certificate.CertificateArn, region, certificate.Status,
            [certificate.DomainName, .. certificate.SubjectAlternativeNames.Where(n => n != certificate.DomainName)], certificate.NotAfter);
    }

    private static async Task<List<HostedZoneFact>?> CandidateZonesAsync(IRoute53Client route53, string domainName, CancellationToken cancellationToken)
    {
        var domain = DomainNames.Normalize(domainName);
        var zones = new List<HostedZoneFact>();
        await foreach (var zone in route53.ListAllHostedZonesByNameAsync(null, cancellationToken))
        {
            if (!zone.PrivateZone && DomainNames.IsInZone(domain, zone.Name))
            {
                zones.Add(Zone(zone));
            }
        }

        return zones;
    }

    private static async Task<List<RecordFact>?> RecordsAsync(IRoute53Client route53, string zoneId, string domainName, CancellationToken cancellationToken)
    {
        var domain = DomainNames.Normalize(domainName);
        var records = new List<RecordFact>();
        var page = await route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(zoneId) { StartRecordName = domain, MaxItems = 10 }, cancellationToken);
        foreach (var record in page.ResourceRecordSets.Where(r => DomainNames.Normalize(r.Name) == domain))
        {
            records.Add(new RecordFact(record.Type, record.AliasTarget?.DnsName ?? string.Join(" ", record.ResourceRecords)));
        }

        return records;
    }

    private static async Task<ExistingApiFact?> ExistingApiAsync(IApiGatewayClient apiGateway, ExistingApi api, CancellationToken cancellationToken)
    {
        var restApi = await apiGateway.GetRestApiAsync(new GetRestApiRequest(api.RestApiId), cancellationToken);
        var stages = await apiGateway.GetStagesAsync(new GetStagesRequest { RestApiId = api.RestApiId }, cancellationToken);
        return new ExistingApiFact(restApi.Id, restApi.EndpointConfiguration?.Types.Contains("PRIVATE") == true,
            stages.Items.Any(s => s.StageName == api.StageName), restApi.EndpointConfiguration?.VpcEndpointIds ?? []);
    }

    private static async Task<List<NameCollision>?> NameCollisionsAsync(IElasticLoadBalancingClient elb, string name, CancellationToken cancellationToken)
    {
        var collisions = new List<NameCollision>();
        var loadBalancer = ResourceNames.LoadBalancer(name);
        if (await ExistsAsync(() => elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = [loadBalancer] }, cancellationToken), "LoadBalancerNotFound"))
        {
            collisions.Add(new NameCollision("load balancer", loadBalancer));
        }

        var targetGroup = ResourceNames.TargetGroup(name);
        if (await ExistsAsync(() => elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [targetGroup] }, cancellationToken), "TargetGroupNotFound"))
        {
            collisions.Add(new NameCollision("target group", targetGroup));
        }

        return collisions;
    }

    /// <summary>ELB answers a describe-by-name of a missing resource with a NotFound error, not an empty list.</summary>
    private static async Task<bool> ExistsAsync(Func<Task> describe, string notFoundCode)
    {
        try
        {
            await describe();
            return true;
        }
        catch (AwsApiException ex) when (ex.ErrorCode == notFoundCode)
        {
            return false;
        }
    }

    private static HostedZoneFact Zone(HostedZone zone) =>
        new(zone.Id.StartsWith("/hostedzone/", StringComparison.Ordinal) ? zone.Id["/hostedzone/".Length..] : zone.Id, zone.Name, zone.PrivateZone);
}
