using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.Route53;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

public sealed record VpcOption(string VpcId, string? CidrBlock, string? Name, bool IsDefault)
{
    public string Label => $"{VpcId}{(Name is null ? "" : $" · {Name}")}{(CidrBlock is null ? "" : $" · {CidrBlock}")}{(IsDefault ? " · default" : "")}";
}

public sealed record SubnetOption(string SubnetId, string? AvailabilityZone, string? CidrBlock, string? Name)
{
    public string Label => $"{SubnetId} · {AvailabilityZone ?? "?"} · {CidrBlock ?? "?"}{(Name is null ? "" : $" · {Name}")}";
}

public sealed record VpcEndpointOption(string VpcEndpointId, string? State, bool PrivateDnsEnabled, IReadOnlyList<string> SubnetIds)
{
    public string Label => $"{VpcEndpointId} · {State ?? "?"} · private DNS {(PrivateDnsEnabled ? "on" : "off")} · {SubnetIds.Count} subnets";
}

public sealed record RestApiOption(string RestApiId, string? Name, IReadOnlyList<string> Stages)
{
    public string Label => $"{Name ?? RestApiId} ({RestApiId})";
}

/// <summary>An ACM certificate; <c>Names</c> holds the domain name first, then the other subject alternative names.</summary>
public sealed record CertificateOption(string CertificateArn, IReadOnlyList<string> Names, string Status, DateTimeOffset? NotAfter)
{
    public bool IsIssued => Status == "ISSUED";

    public string Label => $"{string.Join(", ", Names)} · {Status} · …{CertificateArn[^12..]}";

    public bool Covers(string domainName) => CertificateNames.Cover(Names, domainName);
}

/// <summary>A Route 53 hosted zone; the id is bare, without <c>/hostedzone/</c>.</summary>
public sealed record HostedZoneOption(string HostedZoneId, string Name, bool IsPrivate, long? RecordCount)
{
    public string Label => $"{Name.TrimEnd('.')} · {(IsPrivate ? "private" : "public")} · {HostedZoneId}";
}

/// <summary>
/// Feeds the form's pickers from live AWS (or the sandbox) in the chosen region. Lists are what the caller can
/// see; suitability (DNS attributes, certificate coverage...) is preflight's verdict, not the picker's.
/// </summary>
public sealed class DeploymentFormLookups(IAwsClientFactory clientFactory, AssumeRoleSettings? role = null)
{
    /// <summary>The same lookups in the account (and with the rights) of <paramref name="assumeRole"/>; null uses the portal's credentials.</summary>
    public DeploymentFormLookups For(AssumeRoleSettings? assumeRole) => new(clientFactory, assumeRole);

    public async Task<IReadOnlyList<VpcOption>> ListVpcsAsync(string region, CancellationToken cancellationToken)
    {
        var answer = await Clients(region).Ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), cancellationToken);
        return answer.Vpcs
            .Select(v => new VpcOption(v.VpcId, v.CidrBlock, NameTag(v.Tags), v.IsDefault))
            .OrderBy(v => v.Name ?? "\uffff", StringComparer.OrdinalIgnoreCase).ThenBy(v => v.VpcId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<SubnetOption>> ListSubnetsAsync(string region, string vpcId, CancellationToken cancellationToken)
    {
        var answer = await Clients(region).Ec2.DescribeSubnetsAsync(
            new DescribeSubnetsRequest { Filters = [new Ec2Filter("vpc-id", vpcId)] }, cancellationToken);
        return answer.Subnets
            .Select(s => new SubnetOption(s.SubnetId, s.AvailabilityZone, s.CidrBlock, NameTag(s.Tags)))
            .OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ThenBy(s => s.SubnetId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>execute-api interface endpoints in the VPC that a deployment could reuse.</summary>
    public async Task<IReadOnlyList<VpcEndpointOption>> ListExecuteApiEndpointsAsync(string region, string vpcId, CancellationToken cancellationToken)
    {
        var answer = await Clients(region).Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Ec2Filter("vpc-id", vpcId), new Ec2Filter("service-name", $"com.amazonaws.{region}.execute-api")],
        }, cancellationToken);
        return answer.VpcEndpoints
            .Where(e => e.State is not ("deleting" or "deleted" or "failed" or "rejected"))
            .Select(e => new VpcEndpointOption(e.VpcEndpointId, e.State, e.PrivateDnsEnabled, e.SubnetIds))
            .OrderBy(e => e.VpcEndpointId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>PRIVATE REST APIs of the region with their stages (an API without a stage cannot be published).</summary>
    public async Task<IReadOnlyList<RestApiOption>> ListPrivateApisAsync(string region, CancellationToken cancellationToken)
    {
        var apiGateway = Clients(region).ApiGateway;
        var apis = await apiGateway.GetAllRestApisAsync(new GetRestApisRequest { Limit = 500 }, cancellationToken).ToListAsync(cancellationToken);
        var options = new List<RestApiOption>();
        foreach (var api in apis.Where(a => a.EndpointConfiguration?.Types.Contains("PRIVATE") == true))
        {
            var stages = await apiGateway.GetStagesAsync(new GetStagesRequest { RestApiId = api.Id }, cancellationToken);
            options.Add(new RestApiOption(api.Id, api.Name, stages.Items.Select(s => s.StageName).Order(StringComparer.Ordinal).ToList()));
        }

        return options.OrderBy(o => o.Name ?? o.RestApiId, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Every certificate of the region whatever its status: an expired one is listed with its status, so the user
    /// sees why it cannot be used rather than wondering where it went.
    /// </summary>
    public async Task<IReadOnlyList<CertificateOption>> ListCertificatesAsync(string region, CancellationToken cancellationToken)
    {
        var clients = Clients(region);
        var acm = region == AwsService.GlobalSigningRegion ? clients.CertificatesInUsEast1 : clients.CertificatesInRegion;
        var options = new List<CertificateOption>();
        await foreach (var summary in acm.ListAllCertificatesAsync(new ListCertificatesRequest(), cancellationToken))
        {
            var names = new List<string> { summary.DomainName };
            names.AddRange(summary.SubjectAlternativeNameSummaries.Where(n => n != summary.DomainName));
            options.Add(new CertificateOption(summary.CertificateArn, names, summary.Status ?? "UNKNOWN", summary.NotAfter));
        }

        return options.OrderByDescending(o => o.IsIssued).ThenBy(o => o.Names[0], StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Hosted zones of the account, public first (alias records for CloudFront go into a public zone).</summary>
    public async Task<IReadOnlyList<HostedZoneOption>> ListHostedZonesAsync(CancellationToken cancellationToken)
    {
        var route53 = Clients(AwsService.GlobalSigningRegion).Route53;
        var zones = new List<HostedZoneOption>();
        await foreach (var zone in route53.ListAllHostedZonesByNameAsync(new ListHostedZonesByNameRequest(), cancellationToken))
        {
            var id = zone.Id.StartsWith("/hostedzone/", StringComparison.Ordinal) ? zone.Id["/hostedzone/".Length..] : zone.Id;
            zones.Add(new HostedZoneOption(id, zone.Name, zone.PrivateZone, zone.ResourceRecordSetCount));
        }

        return zones.OrderBy(z => z.IsPrivate).ThenBy(z => z.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private AwsClients Clients(string region) => clientFactory.Create(new AwsSession(region, role));

    private static string? NameTag(IReadOnlyList<Ec2Tag> tags) =>
        tags.FirstOrDefault(t => t.Key == "Name")?.Value is { Length: > 0 } name ? name : null;
}
