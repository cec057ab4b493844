using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

/// <summary>The whole chain built only with the portal's clients: proves they and the sandbox agree end to end.</summary>
public sealed class EdgeChainThroughClientsTests
{
    [Fact]
    public async Task A_chain_built_with_the_clients_answers_200_with_the_api_body_on_the_data_path()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var clients = sandbox.Clients;
        const string Host = SandboxSeed.DemoApiHostName;

        // Security groups: ALB -> endpoint on 443.
        var albSg = await CreateSecurityGroupAsync(clients, "alb");
        var endpointSg = await CreateSecurityGroupAsync(clients, "endpoint");
        await clients.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest(endpointSg, [IpPermission.TcpFromGroup(443, albSg)]), Ct);
        await clients.Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest(albSg, [IpPermission.TcpFromGroup(443, endpointSg)]), Ct);

        // Endpoint, target group of its IPs, ALB, listener.
        var endpoint = await CreateAvailableExecuteApiEndpointAsync(clients, endpointSg);
        var ips = await PrivateIpsOfAsync(clients, endpoint);
        var targetGroup = await CreateIpTargetGroupAsync(clients, "tg");
        await clients.ElasticLoadBalancing.RegisterTargetsAsync(
            new RegisterTargetsRequest(targetGroup.TargetGroupArn, [.. ips.Select(ip => new TargetDescription(ip, 443))]), Ct);
        var alb = await CreateInternalAlbAsync(clients, "alb", albSg);
        var active = await Eventually.ReturnsAsync(
            async () => (await clients.ElasticLoadBalancing.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [alb.LoadBalancerArn] }, Ct)).LoadBalancers.Single(),
            lb => lb.State?.Code == LoadBalancerState.Active,
            "the load balancer to be active");
        Assert.Equal(LoadBalancerState.Active, active.State?.Code);
        await CreateHttpsListenerAsync(clients, alb.LoadBalancerArn, targetGroup.TargetGroupArn);

        // VPC origin, then CloudFront's service SG -> ALB SG, fed by the origin-facing prefix list.
        var origin = await CreateVpcOriginAsync(clients, "origin", alb.LoadBalancerArn);
        await Eventually.ReturnsAsync(() => clients.CloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(origin.Id), Ct), o => o.VpcOrigin.Status == "Deployed", $"VPC origin {origin.Id} to be Deployed");
        var cloudFrontSg = Assert.Single((await clients.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Ec2Filter("group-name", "CloudFront-VPCOrigins-Service-SG"), new Ec2Filter("vpc-id", SandboxSeed.VpcId)],
        }, Ct)).SecurityGroups).GroupId;
        var prefixList = Assert.Single((await clients.Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest
        {
            Filters = [new Ec2Filter("prefix-list-name", SandboxSeed.CloudFrontOriginFacingPrefixListName)],
        }, Ct)).PrefixLists).PrefixListId;
        await clients.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest(cloudFrontSg, [IpPermission.TcpFromPrefixList(443, prefixList)]), Ct);
        await clients.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest(albSg, [IpPermission.TcpFromGroup(443, cloudFrontSg)]), Ct);

        // The private API, its regional domain and root mapping.
        var api = await CreatePrivateApiAsync(clients, endpoint.VpcEndpointId, PolicyFor(endpoint.VpcEndpointId));
        await PutHelloMethodAsync(clients, api.Id, api.RootResourceId!);
        await clients.ApiGateway.CreateDeploymentAsync(new CreateDeploymentRequest(api.Id) { StageName = "prod" }, Ct);
        await clients.ApiGateway.CreateDomainNameAsync(new CreateDomainNameRequest
        {
            DomainName = Host,
            RegionalCertificateArn = SandboxSeed.RegionalCertificateArn,
            EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] },
            SecurityPolicy = "TLS_1_2",
        }, Ct);
        await Eventually.ReturnsAsync(() => clients.ApiGateway.GetDomainNameAsync(new GetDomainNameRequest(Host), Ct), d => d.DomainNameStatus == "AVAILABLE", "the custom domain to be AVAILABLE");
        await clients.ApiGateway.CreateBasePathMappingAsync(new CreateBasePathMappingRequest(Host) { RestApiId = api.Id, Stage = "prod" }, Ct);

        // Distribution with the alias, and the Route 53 alias record to it.
        var distribution = await clients.CloudFront.CreateDistributionAsync(new CreateDistributionRequest(DistributionConfig(Host, origin.Id, alb.DnsName!)), Ct);
        var deployed = await Eventually.ReturnsAsync(
            () => clients.CloudFront.GetDistributionAsync(new GetDistributionRequest(distribution.Distribution.Id), Ct), d => d.Distribution.Status == "Deployed",
            "the distribution to be Deployed");
        Assert.Equal("Deployed", deployed.Distribution.Status);
        var change = await clients.Route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId, new ChangeBatch(
        [
            new Change(ChangeAction.Upsert, new ResourceRecordSet
            {
                Name = Host,
                Type = "A",
                AliasTarget = new AliasTarget(AliasTarget.CloudFrontHostedZoneId, distribution.Distribution.DomainName, false),
            }),
        ])), Ct);
        var synced = await Eventually.ReturnsAsync(() => clients.Route53.GetChangeAsync(new GetChangeRequest(change.ChangeInfo.Id), Ct), c => c.ChangeInfo.IsInSync, "the alias change to be INSYNC");
        Assert.True(synced.ChangeInfo.IsInSync);
        var health = await Eventually.ReturnsAsync(
            () => clients.ElasticLoadBalancing.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = targetGroup.TargetGroupArn }, Ct),
            h => h.TargetHealthDescriptions.All(d => d.TargetHealth?.State == TargetHealth.Healthy),
            "every target to be healthy");

        using var response = await sandbox.ViewerGetAsync(Host);

        Assert.All(health.TargetHealthDescriptions, d => Assert.Equal(TargetHealth.Healthy, d.TargetHealth?.State));
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{(int)response.StatusCode} {string.Join(' ', response.Headers.TryGetValues("X-Sandbox-Failed-Hop", out var hop) ? hop : [])}: {body}");
        Assert.Equal(HelloBody, body);
        Assert.Equal("Miss from cloudfront", response.Headers.GetValues("X-Cache").Single());
        var listed = await clients.Route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId)
        {
            StartRecordName = Host,
            StartRecordType = "A",
            MaxItems = 1,
        }, Ct);
        Assert.Equal(distribution.Distribution.DomainName + ".", Assert.Single(listed.ResourceRecordSets).AliasTarget?.DnsName);
    }
}
