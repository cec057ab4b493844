namespace PrivateApiEdge.Web.Features.Preflight;

/// <summary>
/// Everything preflight needs to know, gathered by read-only AWS lookups (or built by hand in tests). A null
/// member means "could not be looked up"; the matching rule reports that as a failure with the lookup error.
/// </summary>
public sealed record PreflightFacts
{
    public CallerFact? Caller { get; init; }

    public VpcFact? Vpc { get; init; }

    /// <summary>The subnets the request names, as found (missing ones are absent).</summary>
    public IReadOnlyList<SubnetFact> Subnets { get; init; } = [];

    public CertificateFact? CloudFrontCertificate { get; init; }

    public CertificateFact? RegionalCertificate { get; init; }

    public HostedZoneFact? HostedZone { get; init; }

    /// <summary>Every public hosted zone in the account whose name is the domain or one of its parents.</summary>
    public IReadOnlyList<HostedZoneFact> CandidateZones { get; init; } = [];

    /// <summary>Distributions that already carry the domain as an alternate domain name.</summary>
    public IReadOnlyList<string> DistributionsWithAlias { get; init; } = [];

    /// <summary>Record sets already at the domain name in the hosted zone (type → target).</summary>
    public IReadOnlyList<RecordFact> ExistingRecords { get; init; } = [];

    /// <summary>execute-api interface endpoints in the VPC.</summary>
    public IReadOnlyList<VpcEndpointFact> ExecuteApiEndpoints { get; init; } = [];

    /// <summary>The existing API the request wants to expose, when it names one.</summary>
    public ExistingApiFact? ExistingApi { get; init; }

    /// <summary>Names we are about to create that something else already uses (resource kind → name).</summary>
    public IReadOnlyList<NameCollision> NameCollisions { get; init; } = [];

    /// <summary>Lookups that failed, by what was looked up; a rule that needs one reports it.</summary>
    public IReadOnlyDictionary<string, string> LookupErrors { get; init; } = new Dictionary<string, string>();
}

public sealed record CallerFact(string Account, string Arn);

public sealed record VpcFact(string VpcId, bool EnableDnsSupport, bool EnableDnsHostnames, bool HasInternetGateway);

public sealed record SubnetFact(string SubnetId, string VpcId, string AvailabilityZone);

public sealed record CertificateFact(string Arn, string Region, string Status, IReadOnlyList<string> DomainNames, DateTimeOffset? NotAfter);

public sealed record HostedZoneFact(string Id, string Name, bool IsPrivate);

public sealed record RecordFact(string Type, string Value);

public sealed record VpcEndpointFact(string VpcEndpointId, string State, bool PrivateDnsEnabled);

public sealed record ExistingApiFact(string RestApiId, bool IsPrivate, bool StageExists, IReadOnlyList<string> VpcEndpointIds);

public sealed record NameCollision(string ResourceKind, string Name);
