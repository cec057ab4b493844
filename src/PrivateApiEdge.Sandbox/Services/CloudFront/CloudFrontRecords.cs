using System.Text.Json.Serialization;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

/// <summary>A CloudFront call; <paramref name="NewResourceVisibleAt"/> honours delayed-consistency faults for creates,
/// <paramref name="PathParameters"/> holds the labels its route captured.</summary>
public sealed record CloudFrontRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? IfMatch,
    XElement? Body,
    Func<DateTimeOffset> NewResourceVisibleAt,
    IReadOnlyDictionary<string, string> PathParameters)
{
    /// <summary>The <c>{Id}</c> label of the route.</summary>
    public string Id => PathParameters["Id"];
}

public sealed record CloudFrontResponse(int StatusCode, XElement? Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>CloudFront's part of the world (global): VPC origins and distributions.</summary>
public sealed class CloudFrontState : SandboxStatePart
{
    public List<VpcOriginRecord> VpcOrigins { get; set; } = [];
    public List<DistributionRecord> Distributions { get; set; } = [];

    public override IEnumerable<SandboxResource> Resources() => VpcOrigins.Cast<SandboxResource>().Concat(Distributions);
}

public sealed class VpcOriginRecord : SandboxResource
{
    /// <summary>The region of the load balancer (and so of the VPC, its ENIs and CloudFront's security group).</summary>
    public string EndpointRegion { get; set; } = "";
    public string VpcId { get; set; } = "";
    public DateTimeOffset LastModifiedTime { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string ETag { get; set; } = "";
    public string EndpointConfigXml { get; set; } = "";
    public List<string> NetworkInterfaceIds { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "cloudfront:vpc-origin";

    [JsonIgnore]
    public XElement EndpointConfig
    {
        get => XElement.Parse(EndpointConfigXml);
        set => EndpointConfigXml = value.ToString(SaveOptions.DisableFormatting);
    }

    [JsonIgnore]
    public string Name => EndpointConfig.Element(CloudFrontService.Ns + "Name")?.Value ?? "";

    [JsonIgnore]
    public string EndpointArn => EndpointConfig.Element(CloudFrontService.Ns + "Arn")?.Value ?? "";

    public string StatusAt(DateTimeOffset now) => now >= DeployedAt ? "Deployed" : "Deploying";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["name"] = Name,
        ["status"] = StatusAt(now),
        ["originEndpointArn"] = EndpointArn,
    };
}

public sealed class DistributionRecord : SandboxResource
{
    public string DomainName { get; set; } = "";
    public DateTimeOffset LastModifiedTime { get; set; }
    public DateTimeOffset DeployedAt { get; set; }
    public string ETag { get; set; } = "";
    public string ConfigXml { get; set; } = "";

    [JsonIgnore]
    public override string ResourceType => "cloudfront:distribution";

    [JsonIgnore]
    public XElement Config
    {
        get => XElement.Parse(ConfigXml);
        set => ConfigXml = value.ToString(SaveOptions.DisableFormatting);
    }

    public string StatusAt(DateTimeOffset now) => now >= DeployedAt ? "Deployed" : "InProgress";

    [JsonIgnore]
    public string CallerReference => Config.Element(CloudFrontService.Ns + "CallerReference")?.Value ?? "";

    [JsonIgnore]
    public bool Enabled => string.Equals(Config.Element(CloudFrontService.Ns + "Enabled")?.Value, "true", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public IReadOnlyList<string> Aliases => CloudFrontService.Aliases(Config);

    [JsonIgnore]
    public IReadOnlyList<string> VpcOriginIds => [.. Config.Elements(CloudFrontService.Ns + "Origins")
        .Elements(CloudFrontService.Ns + "Items").Elements(CloudFrontService.Ns + "Origin")
        .Select(origin => origin.Element(CloudFrontService.Ns + "VpcOriginConfig")?.Element(CloudFrontService.Ns + "VpcOriginId")?.Value)
        .OfType<string>()];

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["domainName"] = DomainName,
        ["status"] = StatusAt(now),
        ["enabled"] = Enabled ? "true" : "false",
        ["aliases"] = string.Join(",", Aliases),
    };
}
