namespace PrivateApiEdge.Web.Aws.CloudFront;

// Request and response records shaped like AWSSDK.CloudFront's (same names, the members the portal uses), so the
// thin client could be swapped for the SDK package behind ICloudFrontClient.

public sealed record CreateVpcOriginRequest(VpcOriginEndpointConfig EndpointConfig, IReadOnlyList<Tag>? Tags = null);

public sealed record CreateVpcOriginResponse(VpcOrigin VpcOrigin, string ETag, string? Location);

public sealed record GetVpcOriginRequest(string Id);

public sealed record GetVpcOriginResponse(VpcOrigin VpcOrigin, string ETag);

public sealed record DeleteVpcOriginRequest(string Id, string IfMatch);

public sealed record DeleteVpcOriginResponse(VpcOrigin? VpcOrigin, string? ETag);

public sealed record ListVpcOriginsRequest(string? Marker = null, int? MaxItems = null);

public sealed record ListVpcOriginsResponse(IReadOnlyList<VpcOriginSummary> Items, string? NextMarker, bool IsTruncated);

public sealed record CreateDistributionRequest(DistributionConfig DistributionConfig);

public sealed record CreateDistributionWithTagsRequest(DistributionConfig DistributionConfig, IReadOnlyList<Tag> Tags);

public sealed record CreateDistributionResponse(Distribution Distribution, string ETag, string? Location);

public sealed record GetDistributionRequest(string Id);

public sealed record GetDistributionResponse(Distribution Distribution, string ETag);

public sealed record GetDistributionConfigRequest(string Id);

public sealed record GetDistributionConfigResponse(DistributionConfigDocument DistributionConfig, string ETag);

/// <summary>Sends back a config read with GetDistributionConfig (changed through its <c>With...</c> methods) with its ETag.</summary>
public sealed record UpdateDistributionRequest(string Id, DistributionConfigDocument DistributionConfig, string IfMatch);

public sealed record UpdateDistributionResponse(Distribution Distribution, string ETag);

public sealed record DeleteDistributionRequest(string Id, string IfMatch);

public sealed record ListDistributionsRequest(string? Marker = null, int? MaxItems = null);

public sealed record ListDistributionsResponse(IReadOnlyList<DistributionSummary> Items, string? NextMarker, bool IsTruncated);

public sealed record TagResourceRequest(string Resource, IReadOnlyList<Tag> Tags);

public sealed record ListTagsForResourceRequest(string Resource);

public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags);
