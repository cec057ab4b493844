using System.Xml.Linq;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

public sealed record CloudFrontRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Query, string? IfMatch, XElement? Body);

public sealed record CloudFrontResponse(int StatusCode, XElement? Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>A CloudFront error as rest-xml reports it (<c>ErrorResponse/Error/Code</c>), with the model's status.</summary>
public sealed class CloudFrontException(string code, string message, int statusCode) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}

public sealed class VpcOriginRecord
{
    public required string Id { get; init; }
    public required string Arn { get; init; }
    public required string Region { get; init; }
    public required string VpcId { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public required DateTimeOffset LastModifiedTime { get; set; }
    public required DateTimeOffset DeployedAt { get; set; }
    public required string ETag { get; set; }
    public required XElement EndpointConfig { get; set; }
    public required List<string> NetworkInterfaceIds { get; init; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public string Name => EndpointConfig.Element(CloudFrontService.Ns + "Name")?.Value ?? "";

    public string EndpointArn => EndpointConfig.Element(CloudFrontService.Ns + "Arn")?.Value ?? "";

    public string StatusAt(DateTimeOffset now) => now >= DeployedAt ? "Deployed" : "Deploying";
}

public sealed class DistributionRecord
{
    public required string Id { get; init; }
    public required string Arn { get; init; }
    public required string DomainName { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public required DateTimeOffset LastModifiedTime { get; set; }
    public required DateTimeOffset DeployedAt { get; set; }
    public required string ETag { get; set; }
    public required XElement Config { get; set; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public string StatusAt(DateTimeOffset now) => now >= DeployedAt ? "Deployed" : "InProgress";

    public string CallerReference => Config.Element(CloudFrontService.Ns + "CallerReference")?.Value ?? "";

    public bool Enabled => string.Equals(Config.Element(CloudFrontService.Ns + "Enabled")?.Value, "true", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> Aliases => CloudFrontService.Aliases(Config);

    public IReadOnlyList<string> VpcOriginIds => [.. Config.Elements(CloudFrontService.Ns + "Origins")
        .Elements(CloudFrontService.Ns + "Items").Elements(CloudFrontService.Ns + "Origin")
        .Select(origin => origin.Element(CloudFrontService.Ns + "VpcOriginConfig")?.Element(CloudFrontService.Ns + "VpcOriginId")?.Value)
        .OfType<string>()];
}

public sealed record DistributionSnapshot(
    string Id,
    string DomainName,
    bool Enabled,
    string Status,
    IReadOnlyList<string> Aliases,
    string? ViewerCertificateArn,
    string DefaultTargetOriginId,
    IReadOnlyList<OriginSnapshot> Origins);

public sealed record OriginSnapshot(string Id, string DomainName, string? VpcOriginId, string OriginPath);

public sealed record VpcOriginSnapshot(
    string Id, string Status, string EndpointArn, string OriginProtocolPolicy, int HttpsPort, int HttpPort);
