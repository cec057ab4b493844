namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// What the data path asks of CloudFront, as plain views; the CloudFront service answers it. Only usable inside
/// <see cref="State.SandboxWorld.Read{T}"/> or <see cref="State.SandboxWorld.Write{T}"/>.
/// </summary>
public interface IDistributionDirectory
{
    /// <summary>The distribution serving a <c>dxxxx.cloudfront.net</c> name.</summary>
    DistributionSnapshot? FindDistributionByDomainName(string domainName);

    VpcOriginSnapshot? FindVpcOrigin(string id);
}

public sealed record DistributionSnapshot(
    string Id,
    string DomainName,
    bool Enabled,
    string Status,
    IReadOnlyList<string> Aliases,
    string? ViewerCertificateArn,
    string DefaultTargetOriginId,
    IReadOnlyList<OriginSnapshot> Origins,
    IReadOnlyList<string> AllowedMethods,
    GeoRestrictionSnapshot GeoRestriction);

/// <summary><c>whitelist</c>, <c>blacklist</c> or <c>none</c>, and the upper-case ISO 3166-1 alpha-2 codes.</summary>
public sealed record GeoRestrictionSnapshot(string RestrictionType, IReadOnlyList<string> Locations)
{
    public static GeoRestrictionSnapshot None { get; } = new("none", []);

    /// <summary>
    /// Whether CloudFront serves a viewer in <paramref name="country"/>. A viewer CloudFront cannot place (null) is
    /// served, as CloudFront documents.
    /// </summary>
    public bool Serves(string? country) => country is null || RestrictionType switch
    {
        "whitelist" => Locations.Contains(country, StringComparer.OrdinalIgnoreCase),
        "blacklist" => !Locations.Contains(country, StringComparer.OrdinalIgnoreCase),
        _ => true,
    };
}

public sealed record OriginSnapshot(string Id, string DomainName, string? VpcOriginId, string OriginPath);

public sealed record VpcOriginSnapshot(
    string Id, string Status, string EndpointArn, string OriginProtocolPolicy, int HttpsPort, int HttpPort);
