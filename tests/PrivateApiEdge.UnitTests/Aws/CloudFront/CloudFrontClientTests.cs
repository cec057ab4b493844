using System.Net;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.CloudFront;

public sealed class CloudFrontClientTests : IDisposable
{
    private static readonly AwsModel Model = AwsModel.Load("cloudfront");
    private readonly AwsTestPipeline _pipeline = new();
    private readonly CloudFrontClient _client;

    public CloudFrontClientTests()
    {
        _client = new CloudFrontClient(_pipeline.Factory.Connect(AwsTestPipeline.Session(), AwsService.CloudFront));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _pipeline.Dispose();

    private RecordingHandler Respond(HttpStatusCode status, string? body, params (string, string)[] headers) =>
        _pipeline.Transport.Respond(status, body, "text/xml", headers);

    private void AssertConforms(string operation, int request = 0)
    {
        var recorded = _pipeline.Transport.Requests[request];
        Model.Operation(operation).AssertRequestConforms(recorded.Message, recorded.Body);
        if (!string.IsNullOrEmpty(recorded.Body))
        {
            Model.Operation(operation).AssertRequestMemberOrder(recorded.Body);
        }
    }

    [Fact]
    public async Task An_html_404_says_the_endpoint_does_not_implement_the_operation_and_is_not_a_not_found()
    {
        _pipeline.Transport.Respond(HttpStatusCode.NotFound, "<html><body><h1>404 Not Found</h1></body></html>", "text/html");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.GetVpcOriginAsync(new GetVpcOriginRequest("vo_1"), Ct));

        Assert.Equal(("GetVpcOrigin", "Http404", HttpStatusCode.NotFound), (error.Operation, error.ErrorCode, error.StatusCode));
        Assert.StartsWith("this endpoint (https://cloudfront.", error.AwsMessage, StringComparison.Ordinal);
        Assert.Contains("does not implement GetVpcOrigin: it answered HTTP 404 without an AWS error code", error.AwsMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(PrivateApiEdge.Web.Features.Provisioning.AwsErrors.IsNotFound(error));
    }

    private static DistributionConfig NewConfig() => new()
    {
        CallerReference = "pae-3f1c",
        Aliases = ["api.example.com"],
        Origins =
        [
            new Origin
            {
                Id = "alb",
                DomainName = "internal-pae-alb-1.eu-west-1.elb.amazonaws.com",
                VpcOriginConfig = new VpcOriginConfig("vo_1AbCdEf") { OriginReadTimeout = 30, OriginKeepaliveTimeout = 5 },
            },
        ],
        DefaultCacheBehavior = new DefaultCacheBehavior
        {
            TargetOriginId = "alb",
            ViewerProtocolPolicy = "https-only",
            AllowedMethods = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            CachedMethods = ["GET", "HEAD"],
            Compress = true,
            CachePolicyId = "83da9c7e-98b4-4e11-a168-04f0df8e2c65",
            OriginRequestPolicyId = "216adef6-5c7f-47e4-b989-5492eafa07d3",
        },
        Comment = "PrivateApiEdge deployment 3f1c",
        PriceClass = "PriceClass_All",
        Enabled = true,
        ViewerCertificate = new ViewerCertificate { AcmCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc", SslSupportMethod = "sni-only", MinimumProtocolVersion = "TLSv1.2_2021" },
        HttpVersion = "http2and3",
        IsIpv6Enabled = false,
    };

    [Fact]
    public async Task CreateVpcOrigin_sends_a_model_conformant_request_and_reads_etag_location_and_origin()
    {
        Model.Operation("CreateVpcOrigin").AssertResponseConforms(CloudFrontSamples.VpcOrigin());
        Respond(HttpStatusCode.Accepted, CloudFrontSamples.VpcOrigin(), ("ETag", "E1VPCO"), ("Location", "https://cloudfront.amazonaws.com/2020-05-31/vpc-origin/vo_1AbCdEf"));

        var created = await _client.CreateVpcOriginAsync(
            new CreateVpcOriginRequest(
                new VpcOriginEndpointConfig { Name = "pae-origin", Arn = CloudFrontSamples.AlbArn, OriginSslProtocols = ["TLSv1.2"] },
                [new Tag("privateapiedge:deployment", "dep-1")]),
            Ct);

        AssertConforms("CreateVpcOrigin");
        Assert.Equal("E1VPCO", created.ETag);
        Assert.Equal("https://cloudfront.amazonaws.com/2020-05-31/vpc-origin/vo_1AbCdEf", created.Location);
        Assert.Equal(("vo_1AbCdEf", "Deploying", CloudFrontSamples.AlbArn, 443), (created.VpcOrigin.Id, created.VpcOrigin.Status, created.VpcOrigin.EndpointConfig.Arn, created.VpcOrigin.EndpointConfig.HttpsPort));
        Assert.Equal(["TLSv1.2"], created.VpcOrigin.EndpointConfig.OriginSslProtocols);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), created.VpcOrigin.CreatedTime);
    }

    [Fact]
    public async Task GetVpcOrigin_reads_status_and_etag()
    {
        Respond(HttpStatusCode.OK, CloudFrontSamples.VpcOrigin(status: "Deployed"), ("ETag", "E2VPCO"));

        var origin = await _client.GetVpcOriginAsync(new GetVpcOriginRequest("vo_1AbCdEf"), Ct);

        AssertConforms("GetVpcOrigin");
        Model.Operation("GetVpcOrigin").AssertResponseConforms(CloudFrontSamples.VpcOrigin(status: "Deployed"));
        Assert.Equal(("Deployed", "E2VPCO"), (origin.VpcOrigin.Status, origin.ETag));
    }

    [Fact]
    public async Task DeleteVpcOrigin_sends_if_match()
    {
        Respond(HttpStatusCode.Accepted, CloudFrontSamples.VpcOrigin(status: "Deleting"), ("ETag", "E3VPCO"));

        var deleted = await _client.DeleteVpcOriginAsync(new DeleteVpcOriginRequest("vo_1AbCdEf", "E2VPCO"), Ct);

        AssertConforms("DeleteVpcOrigin");
        Assert.Equal("E2VPCO", Assert.Single(_pipeline.Transport.OnlyRequest.Message.Headers.GetValues("If-Match")));
        Assert.Equal("Deleting", deleted.VpcOrigin?.Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "CannotDeleteEntityWhileInUse")]
    [InlineData(HttpStatusCode.PreconditionFailed, "PreconditionFailed")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidIfMatchVersion")]
    [InlineData(HttpStatusCode.NotFound, "EntityNotFound")]
    public async Task DeleteVpcOrigin_errors_carry_cloudfronts_code(HttpStatusCode status, string code)
    {
        Respond(status, CloudFrontSamples.Error(code));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.DeleteVpcOriginAsync(new DeleteVpcOriginRequest("vo_1", "E1"), Ct));

        Assert.Equal((code, status, $"req-{code}", "DeleteVpcOrigin"), (error.ErrorCode, error.StatusCode, error.RequestId, error.Operation));
        Assert.Single(_pipeline.Transport.Requests);
    }

    [Fact]
    public async Task ListAllVpcOrigins_follows_the_markers()
    {
        Model.Operation("ListVpcOrigins").AssertResponseConforms(CloudFrontSamples.VpcOriginList(true, "m2", "vo_a", "vo_b"));
        Respond(HttpStatusCode.OK, CloudFrontSamples.VpcOriginList(true, "m2", "vo_a", "vo_b"));
        Respond(HttpStatusCode.OK, CloudFrontSamples.VpcOriginList(false, null, "vo_c"));

        var origins = await _client.ListAllVpcOriginsAsync(new ListVpcOriginsRequest(), Ct).ToListAsync(Ct);

        Assert.Equal(["vo_a", "vo_b", "vo_c"], origins.Select(o => o.Id));
        AssertConforms("ListVpcOrigins", 0);
        AssertConforms("ListVpcOrigins", 1);
        Assert.Equal("?Marker=m2", _pipeline.Transport.Requests[1].Message.RequestUri!.Query);
    }

    [Fact]
    public async Task CreateDistributionWithTags_sends_the_full_config_and_tags()
    {
        Model.Operation("CreateDistributionWithTags").AssertResponseConforms(CloudFrontSamples.Distribution());
        Respond(HttpStatusCode.Created, CloudFrontSamples.Distribution(), ("ETag", "E1DIST"), ("Location", "https://cloudfront.amazonaws.com/2020-05-31/distribution/E2QWRUHAPOMQZL"));

        var created = await _client.CreateDistributionWithTagsAsync(new CreateDistributionWithTagsRequest(NewConfig(), [new Tag("privateapiedge:deployment", "dep-1")]), Ct);

        AssertConforms("CreateDistributionWithTags");
        Assert.Equal("?WithTags", _pipeline.Transport.OnlyRequest.Message.RequestUri!.Query);
        Assert.Equal(("E2QWRUHAPOMQZL", "InProgress", "d111111abcdef8.cloudfront.net", "E1DIST"), (created.Distribution.Id, created.Distribution.Status, created.Distribution.DomainName, created.ETag));
        Assert.Equal("vo_1AbCdEf", created.Distribution.DistributionConfig.Config.Origins.Single().VpcOriginConfig?.VpcOriginId);
        Assert.Equal(["api.example.com"], created.Distribution.DistributionConfig.Aliases);
    }

    [Fact]
    public async Task CreateDistribution_sends_a_model_conformant_config()
    {
        Respond(HttpStatusCode.Created, CloudFrontSamples.Distribution(), ("ETag", "E1DIST"));

        var created = await _client.CreateDistributionAsync(new CreateDistributionRequest(NewConfig() with { Aliases = [], ViewerCertificate = new ViewerCertificate { CloudFrontDefaultCertificate = true } }), Ct);

        AssertConforms("CreateDistribution");
        Assert.Equal("E1DIST", created.ETag);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "CNAMEAlreadyExists")]
    [InlineData(HttpStatusCode.Conflict, "DistributionAlreadyExists")]
    public async Task CreateDistribution_conflicts_surface_as_their_codes(HttpStatusCode status, string code)
    {
        Respond(status, CloudFrontSamples.Error(code));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.CreateDistributionWithTagsAsync(new CreateDistributionWithTagsRequest(NewConfig(), []), Ct));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task GetDistribution_and_GetDistributionConfig_return_the_etag()
    {
        Respond(HttpStatusCode.OK, CloudFrontSamples.Distribution("Deployed"), ("ETag", "E5"));
        Respond(HttpStatusCode.OK, CloudFrontSamples.DistributionConfig(), ("ETag", "E6"));
        Model.Operation("GetDistributionConfig").AssertResponseConforms(CloudFrontSamples.DistributionConfig());

        var distribution = await _client.GetDistributionAsync(new GetDistributionRequest("E2QWRUHAPOMQZL"), Ct);
        var config = await _client.GetDistributionConfigAsync(new GetDistributionConfigRequest("E2QWRUHAPOMQZL"), Ct);

        AssertConforms("GetDistribution", 0);
        AssertConforms("GetDistributionConfig", 1);
        Assert.Equal(("Deployed", "E5"), (distribution.Distribution.Status, distribution.ETag));
        Assert.Equal("E6", config.ETag);
        Assert.True(config.DistributionConfig.Enabled);
        Assert.Equal("TLSv1.2_2021", config.DistributionConfig.Config.ViewerCertificate?.MinimumProtocolVersion);
    }

    [Theory]
    [InlineData("whitelist", new[] { "DE", "FR" })]
    [InlineData("blacklist", new[] { "RU" })]
    [InlineData("none", new string[0])]
    public async Task A_geo_restriction_is_sent_between_the_viewer_certificate_and_the_web_acl_as_the_model_orders_it(string type, string[] countries)
    {
        Respond(HttpStatusCode.Created, CloudFrontSamples.Distribution(), ("ETag", "E1DIST"));
        var config = NewConfig() with
        {
            Restrictions = new Restrictions(new GeoRestriction { RestrictionType = type, Items = countries }),
            WebAclId = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0d3e0000-0000-4000-8000-000000000001",
        };

        await _client.CreateDistributionWithTagsAsync(new CreateDistributionWithTagsRequest(config, []), Ct);

        AssertConforms("CreateDistributionWithTags");
        var sent = System.Xml.Linq.XElement.Parse(_pipeline.Transport.OnlyRequest.Body!).Element(System.Xml.Linq.XName.Get("DistributionConfig", CloudFrontSamples.Ns))!;
        var names = sent.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(names.IndexOf("ViewerCertificate") + 1, names.IndexOf("Restrictions"));
        Assert.Equal(names.IndexOf("Restrictions") + 1, names.IndexOf("WebACLId"));
        var expected = System.Xml.Linq.XElement.Parse(CloudFrontSamples.GeoRestrictions(type, countries).Replace("<Restrictions>", $"<Restrictions xmlns=\"{CloudFrontSamples.Ns}\">", StringComparison.Ordinal));
        Assert.Equal(expected.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), sent.Element(System.Xml.Linq.XName.Get("Restrictions", CloudFrontSamples.Ns))!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
    }

    [Fact]
    public void A_config_without_restrictions_leaves_the_element_out()
    {
        var xml = DistributionConfigDocument.FromConfig(NewConfig()).ToXml();

        Assert.Null(xml.Element(System.Xml.Linq.XName.Get("Restrictions", CloudFrontSamples.Ns)));
    }

    [Fact]
    public async Task GetDistributionConfig_reads_the_geo_restriction_back()
    {
        var body = CloudFrontSamples.DistributionConfig(restrictions: CloudFrontSamples.GeoRestrictions("blacklist", "KP", "IR"));
        Model.Operation("GetDistributionConfig").AssertResponseConforms(body);
        Respond(HttpStatusCode.OK, body, ("ETag", "E6"));

        var config = await _client.GetDistributionConfigAsync(new GetDistributionConfigRequest("E2QWRUHAPOMQZL"), Ct);

        var geo = config.DistributionConfig.Config.Restrictions?.GeoRestriction;
        Assert.Equal("blacklist", geo?.RestrictionType);
        Assert.Equal(["KP", "IR"], geo?.Items);
    }

    [Fact]
    public async Task An_unrestricted_config_reads_back_as_restriction_type_none()
    {
        Respond(HttpStatusCode.OK, CloudFrontSamples.DistributionConfig(), ("ETag", "E6"));

        var config = await _client.GetDistributionConfigAsync(new GetDistributionConfigRequest("E2QWRUHAPOMQZL"), Ct);

        var geo = config.DistributionConfig.Config.Restrictions?.GeoRestriction;
        Assert.Equal(GeoRestrictionType.None, geo?.RestrictionType);
        Assert.Empty(geo!.Items);
    }

    [Fact]
    public async Task Disabling_round_trips_every_element_of_the_config_and_sends_if_match()
    {
        Respond(HttpStatusCode.OK, CloudFrontSamples.DistributionConfig(), ("ETag", "E6"));
        Respond(HttpStatusCode.OK, CloudFrontSamples.Distribution(enabled: false), ("ETag", "E7"));
        var current = await _client.GetDistributionConfigAsync(new GetDistributionConfigRequest("E2QWRUHAPOMQZL"), Ct);

        var updated = await _client.UpdateDistributionAsync(new UpdateDistributionRequest("E2QWRUHAPOMQZL", current.DistributionConfig.WithEnabled(false), current.ETag), Ct);

        AssertConforms("UpdateDistribution", 1);
        var sent = _pipeline.Transport.Requests[1];
        Assert.Equal("E6", Assert.Single(sent.Message.Headers.GetValues("If-Match")));
        Assert.Equal(CloudFrontSamples.DistributionConfig(enabled: false), System.Xml.Linq.XElement.Parse(sent.Body!).ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        Assert.False(updated.Distribution.DistributionConfig.Enabled);
        Assert.Equal("E7", updated.ETag);
        Assert.True(current.DistributionConfig.Enabled);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed, "PreconditionFailed")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidIfMatchVersion")]
    [InlineData(HttpStatusCode.NotFound, "NoSuchDistribution")]
    public async Task UpdateDistribution_errors_carry_cloudfronts_code(HttpStatusCode status, string code)
    {
        Respond(status, CloudFrontSamples.Error(code));
        var config = Web.Aws.CloudFront.DistributionConfigDocument.FromConfig(NewConfig());

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.UpdateDistributionAsync(new UpdateDistributionRequest("E1", config, "stale"), Ct));

        Assert.Equal((code, status), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task DeleteDistribution_sends_if_match_and_accepts_204()
    {
        Respond(HttpStatusCode.NoContent, null);

        await _client.DeleteDistributionAsync(new DeleteDistributionRequest("E2QWRUHAPOMQZL", "E7"), Ct);

        AssertConforms("DeleteDistribution");
        Assert.Equal("E7", Assert.Single(_pipeline.Transport.OnlyRequest.Message.Headers.GetValues("If-Match")));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "DistributionNotDisabled")]
    [InlineData(HttpStatusCode.PreconditionFailed, "PreconditionFailed")]
    [InlineData(HttpStatusCode.NotFound, "NoSuchDistribution")]
    public async Task DeleteDistribution_errors_carry_cloudfronts_code(HttpStatusCode status, string code)
    {
        Respond(status, CloudFrontSamples.Error(code));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.DeleteDistributionAsync(new DeleteDistributionRequest("E1", "E7"), Ct));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task ListAllDistributions_follows_markers_and_finds_the_distribution_holding_an_alias()
    {
        var page1 = CloudFrontSamples.DistributionList(true, "next-1", ("EAAA", "shop.example.com"), ("EBBB", "www.example.com"));
        var page2 = CloudFrontSamples.DistributionList(false, null, ("ECCC", "API.example.com"));
        Model.Operation("ListDistributions").AssertResponseConforms(page1);
        Model.Operation("ListDistributions").AssertResponseConforms(page2);
        Respond(HttpStatusCode.OK, page1);
        Respond(HttpStatusCode.OK, page2);

        var holder = await _client.FindDistributionByAliasAsync("api.example.com.", Ct);

        Assert.Equal("ECCC", holder?.Id);
        Assert.Equal("vo_1", holder?.Origins.Single().VpcOriginConfig?.VpcOriginId);
        AssertConforms("ListDistributions", 0);
        AssertConforms("ListDistributions", 1);
        Assert.Equal("?Marker=next-1", _pipeline.Transport.Requests[1].Message.RequestUri!.Query);
    }

    [Fact]
    public async Task FindDistributionByAlias_returns_null_when_no_distribution_uses_it()
    {
        Respond(HttpStatusCode.OK, CloudFrontSamples.DistributionList(false, null));

        Assert.Null(await _client.FindDistributionByAliasAsync("api.example.com", Ct));
    }

    [Fact]
    public async Task TagResource_and_ListTagsForResource_put_the_arn_in_the_query()
    {
        const string Arn = "arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL";
        Model.Operation("ListTagsForResource").AssertResponseConforms(CloudFrontSamples.Tags);
        Respond(HttpStatusCode.NoContent, null);
        Respond(HttpStatusCode.OK, CloudFrontSamples.Tags);

        await _client.TagResourceAsync(new TagResourceRequest(Arn, [new Tag("privateapiedge:deployment", "dep-1"), new Tag("privateapiedge:step", "distribution")]), Ct);
        var tags = await _client.ListTagsForResourceAsync(new ListTagsForResourceRequest(Arn), Ct);

        AssertConforms("TagResource", 0);
        AssertConforms("ListTagsForResource", 1);
        Assert.Equal([new Tag("privateapiedge:deployment", "dep-1"), new Tag("empty", null)], tags.Tags);
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_call_then_succeeds()
    {
        Respond(HttpStatusCode.BadRequest, CloudFrontSamples.Error("Throttling", "Rate exceeded"));
        Respond(HttpStatusCode.OK, CloudFrontSamples.Distribution("Deployed"), ("ETag", "E5"));

        var distribution = await _client.GetDistributionAsync(new GetDistributionRequest("E2QWRUHAPOMQZL"), Ct);

        Assert.Equal("Deployed", distribution.Distribution.Status);
        Assert.Equal(2, _pipeline.Transport.Requests.Count);
    }
}
