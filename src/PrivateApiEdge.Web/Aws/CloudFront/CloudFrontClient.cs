using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>CloudFront 2020-05-31 over a signed, retrying, metered <see cref="AwsConnection"/>.</summary>
public sealed class CloudFrontClient : ICloudFrontClient
{
    private const string Version = "2020-05-31";

    // CreateVpcOrigin has no idempotency token: a resend after an unknown outcome could create a second origin.
    private static readonly AwsOperation CreateVpcOrigin = new("CreateVpcOrigin", AwsRetryMode.NotIdempotent);
    private static readonly AwsOperation GetVpcOrigin = new("GetVpcOrigin");

    // If-Match makes a repeated delete fail with PreconditionFailed/EntityNotFound instead of acting twice.
    private static readonly AwsOperation DeleteVpcOrigin = new("DeleteVpcOrigin");
    private static readonly AwsOperation ListVpcOrigins = new("ListVpcOrigins");

    // CallerReference: CloudFront returns the existing distribution when the same reference and config come again.
    private static readonly AwsOperation CreateDistribution = new("CreateDistribution");
    private static readonly AwsOperation CreateDistributionWithTags = new("CreateDistributionWithTags");
    private static readonly AwsOperation GetDistribution = new("GetDistribution");
    private static readonly AwsOperation GetDistributionConfig = new("GetDistributionConfig");

    // Guarded by If-Match: a duplicate apply is rejected (PreconditionFailed), never applied twice.
    private static readonly AwsOperation UpdateDistribution = new("UpdateDistribution");
    private static readonly AwsOperation DeleteDistribution = new("DeleteDistribution");
    private static readonly AwsOperation ListDistributions = new("ListDistributions");

    // Setting the same tags again is a no-op.
    private static readonly AwsOperation TagResource = new("TagResource");
    private static readonly AwsOperation ListTagsForResource = new("ListTagsForResource");

    private readonly AwsConnection _connection;

    public CloudFrontClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public async Task<CreateVpcOriginResponse> CreateVpcOriginAsync(CreateVpcOriginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = CloudFrontXml.El(
            "CreateVpcOriginRequest",
            CloudFrontXml.WriteVpcOriginEndpointConfig(request.EndpointConfig),
            request.Tags is { Count: > 0 } tags ? CloudFrontXml.WriteTags(tags) : null);
        using var message = new HttpRequestMessage(HttpMethod.Post, AwsUri.Path($"{Version}/vpc-origin")) { Content = AwsXml.ToContent(body) };
        using var response = await _connection.SendAsync(message, CreateVpcOrigin, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new CreateVpcOriginResponse(CloudFrontXml.ReadVpcOrigin(xml), ETag(response), response.Headers.Location?.ToString());
    }

    public async Task<GetVpcOriginResponse> GetVpcOriginAsync(GetVpcOriginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsUri.Path($"{Version}/vpc-origin/{{Id}}", ("Id", request.Id)));
        using var response = await _connection.SendAsync(message, GetVpcOrigin, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetVpcOriginResponse(CloudFrontXml.ReadVpcOrigin(xml), ETag(response));
    }

    public async Task<DeleteVpcOriginResponse> DeleteVpcOriginAsync(DeleteVpcOriginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Delete, AwsUri.Path($"{Version}/vpc-origin/{{Id}}", ("Id", request.Id)));
        message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        using var response = await _connection.SendAsync(message, DeleteVpcOrigin, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var origin = string.IsNullOrWhiteSpace(text) ? null : CloudFrontXml.ReadVpcOrigin(AwsXml.Parse(text));
        return new DeleteVpcOriginResponse(origin, ETagOrNull(response));
    }

    public async Task<ListVpcOriginsResponse> ListVpcOriginsAsync(ListVpcOriginsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, Paged(AwsUri.Path($"{Version}/vpc-origin"), request.Marker, request.MaxItems));
        using var response = await _connection.SendAsync(message, ListVpcOrigins, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListVpcOriginsResponse(
            xml.ListItems("Items", "VpcOriginSummary").Select(CloudFrontXml.ReadVpcOriginSummary).ToList(),
            xml.Text("NextMarker"),
            xml.Bool("IsTruncated") ?? false);
    }

    public Task<CreateDistributionResponse> CreateDistributionAsync(CreateDistributionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreateAsync(AwsUri.Path($"{Version}/distribution"), CloudFrontXml.WriteDistributionConfig(request.DistributionConfig), CreateDistribution, cancellationToken);
    }

    public Task<CreateDistributionResponse> CreateDistributionWithTagsAsync(CreateDistributionWithTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = CloudFrontXml.El(
            "DistributionConfigWithTags",
            CloudFrontXml.WriteDistributionConfig(request.DistributionConfig),
            CloudFrontXml.WriteTags(request.Tags));
        return CreateAsync(AwsUri.Path($"{Version}/distribution?WithTags"), body, CreateDistributionWithTags, cancellationToken);
    }

    private async Task<CreateDistributionResponse> CreateAsync(string path, XElement body, AwsOperation operation, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = AwsXml.ToContent(body) };
        using var response = await _connection.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new CreateDistributionResponse(CloudFrontXml.ReadDistribution(xml), ETag(response), response.Headers.Location?.ToString());
    }

    public async Task<GetDistributionResponse> GetDistributionAsync(GetDistributionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsUri.Path($"{Version}/distribution/{{Id}}", ("Id", request.Id)));
        using var response = await _connection.SendAsync(message, GetDistribution, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetDistributionResponse(CloudFrontXml.ReadDistribution(xml), ETag(response));
    }

    public async Task<GetDistributionConfigResponse> GetDistributionConfigAsync(GetDistributionConfigRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsUri.Path($"{Version}/distribution/{{Id}}/config", ("Id", request.Id)));
        using var response = await _connection.SendAsync(message, GetDistributionConfig, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetDistributionConfigResponse(DistributionConfigDocument.FromXml(xml), ETag(response));
    }

    public async Task<UpdateDistributionResponse> UpdateDistributionAsync(UpdateDistributionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Put, AwsUri.Path($"{Version}/distribution/{{Id}}/config", ("Id", request.Id)))
        {
            Content = AwsXml.ToContent(request.DistributionConfig.ToXml()),
        };
        message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        using var response = await _connection.SendAsync(message, UpdateDistribution, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new UpdateDistributionResponse(CloudFrontXml.ReadDistribution(xml), ETag(response));
    }

    public async Task DeleteDistributionAsync(DeleteDistributionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Delete, AwsUri.Path($"{Version}/distribution/{{Id}}", ("Id", request.Id)));
        message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        using var response = await _connection.SendAsync(message, DeleteDistribution, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListDistributionsResponse> ListDistributionsAsync(ListDistributionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, Paged(AwsUri.Path($"{Version}/distribution"), request.Marker, request.MaxItems));
        using var response = await _connection.SendAsync(message, ListDistributions, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListDistributionsResponse(
            xml.ListItems("Items", "DistributionSummary").Select(CloudFrontXml.ReadDistributionSummary).ToList(),
            xml.Text("NextMarker"),
            xml.Bool("IsTruncated") ?? false);
    }

    public async Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, AwsUri.Path($"{Version}/tagging").Query(("Operation", "Tag"), ("Resource", request.Resource)))
        {
            Content = AwsXml.ToContent(CloudFrontXml.WriteTags(request.Tags)),
        };
        using var response = await _connection.SendAsync(message, TagResource, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsUri.Path($"{Version}/tagging").Query(("Resource", request.Resource)));
        using var response = await _connection.SendAsync(message, ListTagsForResource, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListTagsForResourceResponse(CloudFrontXml.ReadTags(xml));
    }

    // An empty marker means "from the start", as a missing one does.
    private static string Paged(string path, string? marker, int? maxItems) =>
        path.Query(("Marker", string.IsNullOrEmpty(marker) ? null : marker), ("MaxItems", AwsUri.Number(maxItems)));

    // CloudFront ETags are opaque version ids (E2QWRUHAPOMQZL), sent back verbatim in If-Match.
    // They are not quoted, so HttpResponseHeaders.ETag (which wants a quoted entity tag) cannot parse them.
    private static string ETag(HttpResponseMessage response) =>
        ETagOrNull(response) ?? throw new FormatException("CloudFront answered without the ETag header this operation always returns.");

    private static string? ETagOrNull(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null;
}
