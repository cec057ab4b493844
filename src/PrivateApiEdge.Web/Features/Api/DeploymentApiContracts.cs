using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>
/// Body of <c>POST /api/deployments</c> (and <c>/preflight</c>): the new-deployment form's fields under the same
/// names, so an error keyed <c>domainName</c> means the same thing in the API and in the form. Everything is
/// nullable on purpose: a missing field gets the form's "enter a ..." message instead of a deserializer error.
/// </summary>
public sealed record CreateDeploymentBody
{
    /// <summary>Lower-case letters, digits and single hyphens; at most 24 characters; unique in the portal.</summary>
    public string? Name { get; init; }

    /// <summary>The public host name CloudFront answers on, in ASCII (punycode for internationalized names).</summary>
    public string? DomainName { get; init; }

    public string? Region { get; init; }

    public string? VpcId { get; init; }

    /// <summary>Two to six private subnets of the VPC, one per availability zone.</summary>
    public IReadOnlyList<string?>? SubnetIds { get; init; }

    /// <summary>ACM certificate in us-east-1 covering <see cref="DomainName"/>.</summary>
    public string? CloudFrontCertificateArn { get; init; }

    /// <summary>ACM certificate in <see cref="Region"/> for the load balancer and the API's custom domain.</summary>
    public string? RegionalCertificateArn { get; init; }

    /// <summary>The public hosted zone the alias records go into (Z..., with or without /hostedzone/).</summary>
    public string? HostedZoneId { get; init; }

    /// <summary>An execute-api interface endpoint to reuse; omitted creates one.</summary>
    public string? ExistingVpcEndpointId { get; init; }

    /// <summary>A private REST API to publish instead of the built-in "hello" API.</summary>
    public string? ExistingRestApiId { get; init; }

    /// <summary>The stage of <see cref="ExistingRestApiId"/> to publish.</summary>
    public string? ExistingStageName { get; init; }

    /// <summary>Defaults to true.</summary>
    public bool? EnableIpv6 { get; init; }

    public CachePolicyChoice? CachePolicy { get; init; }

    /// <summary>A WAFv2 web ACL with CLOUDFRONT scope (us-east-1, global/webacl/...).</summary>
    public string? WebAclArn { get; init; }

    public GeoRestrictionKind? GeoRestriction { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes, e.g. ["DE", "FR"].</summary>
    public IReadOnlyList<string?>? GeoRestrictionCountries { get; init; }

    /// <summary>Tags for every resource the deployment creates, as AWS writes them.</summary>
    public IReadOnlyList<DeploymentTag?>? Tags { get; init; }

    /// <summary>Replace an existing A/AAAA record for the domain instead of failing preflight.</summary>
    public bool? OverwriteExistingRecord { get; init; }

    /// <summary>An IAM role every AWS call of this deployment assumes (session named after you); omitted uses the portal's credentials.</summary>
    public string? AssumeRoleArn { get; init; }

    /// <summary>The external id the role's trust policy requires, if any.</summary>
    public string? AssumeRoleExternalId { get; init; }
}

public sealed record DeploymentTag(string? Key, string? Value);

/// <summary>One row of <c>GET /api/deployments</c>.</summary>
public sealed record DeploymentSummaryDto(
    Guid Id,
    string Name,
    DeploymentStatus Status,
    string Owner,
    string DomainName,
    string Region,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record DeploymentListDto(IReadOnlyList<DeploymentSummaryDto> Items, int TotalCount, int Page, int PageSize);

/// <summary>A deployment with its steps (of the current phase), the resources it created and what a user copies out of it.</summary>
public sealed record DeploymentDto(
    Guid Id,
    string Name,
    DeploymentStatus Status,
    DeploymentPhase Phase,
    string Owner,
    string DomainName,
    string Region,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? FailedStep,
    string? Error,
    IReadOnlyList<DeploymentStepDto> Steps,
    IReadOnlyList<DeploymentResourceDto> Resources,
    IReadOnlyList<DeploymentOutputDto> Outputs,
    EndpointTestDto? LastEndpointTest);

/// <summary>
/// One step: <c>Name</c> is the key <c>POST .../steps/{step}/retry</c> takes; <c>Attempts</c> counts its runs
/// (retries of transient AWS errors included).
/// </summary>
public sealed record DeploymentStepDto(
    string Name,
    string Title,
    DeploymentPhase Phase,
    StepStatus Status,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    string? WaitReason,
    string? Error,
    int AwsCalls);

/// <summary>
/// A resource the deployment uses. <c>Shared</c>: not its own (a reused endpoint, CloudFront's security group), so
/// teardown leaves it; <c>Deleted</c>: removed by teardown, listed as a record.
/// </summary>
public sealed record DeploymentResourceDto(string Kind, string Id, string? ConsoleUrl, bool Shared, bool Deleted);

/// <summary>A value a user copies out; <c>Key</c> is stable (e.g. <c>cloudfront-domain</c>), <c>Label</c> is for people.</summary>
public sealed record DeploymentOutputDto(string Key, string Label, string Value);

public sealed record EndpointTestDto(
    DateTimeOffset At,
    string Url,
    bool Passed,
    int? StatusCode,
    double LatencyMilliseconds,
    string? Body,
    string? FailingHop,
    string? Diagnosis,
    IReadOnlyDictionary<string, string> Headers);

public sealed record DeploymentLogEntryDto(long Id, DateTimeOffset At, DeploymentPhase? Phase, string? Step, DeploymentLogLevel Level, string Message);

public sealed record PreflightFindingDto(string Check, PreflightSeverity Severity, string Message, string? FixHint);

/// <summary>What <c>POST /api/deployments/preflight</c> answers (and a 422 lists under <c>failedChecks</c>).</summary>
public sealed record PreflightDto(bool Passed, string Summary, IReadOnlyList<PreflightFindingDto> Findings);

/// <summary>Query of <c>GET /api/deployments</c>, bound from the query string.</summary>
public sealed record DeploymentListParameters
{
    public string? Search { get; init; }

    /// <summary>Repeat to match several: <c>?status=Failed&amp;status=TeardownFailed</c>.</summary>
    public string[]? Status { get; init; }

    /// <summary>Admins only narrow the list to one owner; a requester's list is always their own.</summary>
    public string? Owner { get; init; }

    /// <summary>One of <see cref="DeploymentSortColumn"/>; default UpdatedAt.</summary>
    public string? Sort { get; init; }

    // Numbers and flags arrive as text and are parsed by the endpoint, so a bad value gets a message naming the
    // parameter instead of the framework's bare 400.

    /// <summary><c>true</c> (default, newest first) or <c>false</c>.</summary>
    public string? Descending { get; init; }

    /// <summary>Zero-based page number.</summary>
    public string? Page { get; init; }

    /// <summary>1-200, default 25.</summary>
    public string? PageSize { get; init; }
}
