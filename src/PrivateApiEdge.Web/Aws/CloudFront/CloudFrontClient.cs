using System.Runtime.CompilerServices;
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
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{Version}/vpc-origin") { Content = AwsXml.ToContent(body) };
        using var response = await _connection.SendAsync(message, CreateVpcOrigin, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new CreateVpcOriginResponse(CloudFrontXml.ReadVpcOrigin(xml), ETag(response), response.Headers.Location?.ToString());
    }

    public async Task<GetVpcOriginResponse> GetVpcOriginAsync(GetVpcOriginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsConnection.Path($"{Version}/vpc-origin/{{Id}}", ("Id", request.Id)));
        using var response = await _connection.SendAsync(message, GetVpcOrigin, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetVpcOriginResponse(CloudFrontXml.ReadVpcOrigin(xml), ETag(response));
    }

    public async Task<DeleteVpcOriginResponse> DeleteVpcOriginAsync(DeleteVpcOriginRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Delete, AwsConnection.Path($"{Version}/vpc-origin/{{Id}}", ("Id", request.Id)));
        message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        using var response = await _connection.SendAsync(message, DeleteVpcOrigin, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var origin = string.IsNullOrWhiteSpace(text) ? null : CloudFrontXml.ReadVpcOrigin(AwsXml.Parse(text));
        return new DeleteVpcOriginResponse(origin, ETagOrNull(response));
    }

    public async Task<ListVpcOriginsResponse> ListVpcOriginsAsync(ListVpcOriginsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, WithPaging($"{Version}/vpc-origin", request.Marker, request.MaxItems));
        using var response = await _connection.SendAsync(message, ListVpcOrigins, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListVpcOriginsResponse(
            xml.ListItems("Items", "VpcOriginSummary").Select(CloudFrontXml.ReadVpcOriginSummary).ToList(),
            xml.Text("NextMarker"),
            xml.Bool("IsTruncated") ?? false);
    }

    public async IAsyncEnumerable<VpcOriginSummary> ListAllVpcOriginsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var page = await ListVpcOriginsAsync(new ListVpcOriginsRequest(marker), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            marker = page.IsTruncated ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    public Task<CreateDistributionResponse> CreateDistributionAsync(CreateDistributionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreateAsync($"{Version}/distribution", CloudFrontXml.WriteDistributionConfig(request.DistributionConfig), CreateDistribution, cancellationToken);
    }

    public Task<CreateDistributionResponse> CreateDistributionWithTagsAsync(CreateDistributionWithTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = CloudFrontXml.El(
            "DistributionConfigWithTags",
            CloudFrontXml.WriteDistributionConfig(request.DistributionConfig),
            CloudFrontXml.WriteTags(request.Tags));
        return CreateAsync($"{Version}/distribution?WithTags", body, CreateDistributionWithTags, cancellationToken);
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
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsConnection.Path($"{Version}/distribution/{{Id}}", ("Id", request.Id)));
        using var response = await _connection.SendAsync(message, GetDistribution, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetDistributionResponse(CloudFrontXml.ReadDistribution(xml), ETag(response));
    }

    public async Task<GetDistributionConfigResponse> GetDistributionConfigAsync(GetDistributionConfigRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsConnection.Path($"{Version}/distribution/{{Id}}/config", ("Id", request.Id)));
        using var response = await _connection.SendAsync(message, GetDistributionConfig, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetDistributionConfigResponse(DistributionConfigDocument.FromXml(xml), ETag(response));
    }

    public async Task<UpdateDistributionResponse> UpdateDistributionAsync(UpdateDistributionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Put, AwsConnection.Path($"{Version}/distribution/{{Id}}/config", ("Id", request.Id)))
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
        using var message = new HttpRequestMessage(HttpMethod.Delete, AwsConnection.Path($"{Version}/distribution/{{Id}}", ("Id", request.Id)));
        message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        using var response = await _connection.SendAsync(message, DeleteDistribution, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListDistributionsResponse> ListDistributionsAsync(ListDistributionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, WithPaging($"{Version}/distribution", request.Marker, request.MaxItems));
        using var response = await _connection.SendAsync(message, ListDistributions, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListDistributionsResponse(
            xml.ListItems("Items", "DistributionSummary").Select(CloudFrontXml.ReadDistributionSummary).ToList(),
            xml.Text("NextMarker"),
            xml.Bool("IsTruncated") ?? false);
    }

    public async IAsyncEnumerable<DistributionSummary> ListAllDistributionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var page = await ListDistributionsAsync(new ListDistributionsRequest(marker), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            marker = page.IsTruncated ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    public async Task<DistributionSummary?> FindDistributionByAliasAsync(string domainName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domainName);
        var wanted = NormalizeAlias(domainName);
        await foreach (var distribution in ListAllDistributionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (distribution.Aliases.Any(a => NormalizeAlias(a) == wanted))
            {
                return distribution;
            }
        }

        return null;
    }

    public async Task TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{Version}/tagging?Operation=Tag&Resource={Uri.EscapeDataString(request.Resource)}")
        {
            Content = AwsXml.ToContent(CloudFrontXml.WriteTags(request.Tags)),
        };
        using var response = await _connection.SendAsync(message, TagResource, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{Version}/tagging?Resource={Uri.EscapeDataString(request.Resource)}");
        using var response = await _connection.SendAsync(message, ListTagsForResource, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListTagsForResourceResponse(CloudFrontXml.ReadTags(xml));
    }

    private static string NormalizeAlias(string alias) => alias.Trim().TrimEnd('.').ToLowerInvariant();

    private static string WithPaging(string path, string? marker, int? maxItems)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(marker))
        {
            query.Add("Marker=" + Uri.EscapeDataString(marker));
        }

        if (maxItems is { } max)
        {
            query.Add("MaxItems=" + AwsXml.FormatInt(max));
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    // CloudFront ETags are opaque version ids (E2QWRUHAPOMQZL), sent back verbatim in If-Match.
    // They are not quoted, so HttpResponseHeaders.ETag (which wants a quoted entity tag) cannot parse them.
    private static string ETag(HttpResponseMessage response) =>
        ETagOrNull(response) ?? throw new FormatException("CloudFront answered without the ETag header this operation always returns.");

    private static string? ETagOrNull(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null;
}

/// <summary>Builds the CloudFront client of a session.</summary>
public sealed class CloudFrontClientFactory(AwsHttpClientFactory http) : IAwsServiceClientFactory<ICloudFrontClient>
{
    public ICloudFrontClient Create(AwsSession session) => new CloudFrontClient(http.Connect(session, AwsService.CloudFront));
}
