namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>
/// CloudFront (REST-XML, global endpoint, signs as us-east-1): VPC origins, distributions and tags. Shaped like
/// AWSSDK.CloudFront's <c>IAmazonCloudFront</c> for these operations. Error answers throw
/// <see cref="Core.AwsApiException"/> with CloudFront's code (<c>PreconditionFailed</c>, <c>InvalidIfMatchVersion</c>,
/// <c>DistributionNotDisabled</c>, <c>CannotDeleteEntityWhileInUse</c>, <c>NoSuchDistribution</c>,
/// <c>EntityNotFound</c>, <c>CNAMEAlreadyExists</c>, <c>DistributionAlreadyExists</c>, ...; see
/// <see cref="CloudFrontErrorCodes"/>). List calls return one page; <see cref="CloudFrontPaginators"/> follows the markers.
/// </summary>
public interface ICloudFrontClient
{
    /// <summary>Creates a VPC origin (202, status <c>Deploying</c>). Not idempotent: it is retried only when throttled.</summary>
    Task<CreateVpcOriginResponse> CreateVpcOriginAsync(CreateVpcOriginRequest request, CancellationToken cancellationToken);

    Task<GetVpcOriginResponse> GetVpcOriginAsync(GetVpcOriginRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes a VPC origin with the ETag from <see cref="GetVpcOriginAsync"/> (202).</summary>
    Task<DeleteVpcOriginResponse> DeleteVpcOriginAsync(DeleteVpcOriginRequest request, CancellationToken cancellationToken);

    /// <summary>One page of VPC origins.</summary>
    Task<ListVpcOriginsResponse> ListVpcOriginsAsync(ListVpcOriginsRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a distribution; the CallerReference makes a resend safe.</summary>
    Task<CreateDistributionResponse> CreateDistributionAsync(CreateDistributionRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a distribution and its tags in one call (<c>?WithTags</c>).</summary>
    Task<CreateDistributionResponse> CreateDistributionWithTagsAsync(CreateDistributionWithTagsRequest request, CancellationToken cancellationToken);

    Task<GetDistributionResponse> GetDistributionAsync(GetDistributionRequest request, CancellationToken cancellationToken);

    Task<GetDistributionConfigResponse> GetDistributionConfigAsync(GetDistributionConfigRequest request, CancellationToken cancellationToken);

    /// <summary>Replaces the config; <c>IfMatch</c> is the ETag of the config it was derived from.</summary>
    Task<UpdateDistributionResponse> UpdateDistributionAsync(UpdateDistributionRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes a disabled, deployed distribution (204).</summary>
    Task DeleteDistributionAsync(DeleteDistributionRequest request, CancellationToken cancellationToken);

    /// <summary>One page of distributions.</summary>
    Task<ListDistributionsResponse> ListDistributionsAsync(ListDistributionsRequest request, CancellationToken cancellationToken);

    Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken);

    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken);
}
