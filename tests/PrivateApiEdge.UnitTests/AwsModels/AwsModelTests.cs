using System.Text;

namespace PrivateApiEdge.UnitTests.AwsModels;

// The checker itself must reject what AWS would reject; otherwise every client test built on it proves nothing.
public sealed class AwsModelTests
{
    private const string CloudFrontNs = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private static HttpRequestMessage Request(HttpMethod method, string uri, string? body = null, string contentType = "application/xml")
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri("https://example.amazonaws.com/"), uri));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        return request;
    }

    private static string VpcOriginRequestBody(string childNamespace) =>
        $"""<CreateVpcOriginRequest xmlns="{CloudFrontNs}"><VpcOriginEndpointConfig xmlns="{childNamespace}"><Name>n</Name><Arn>arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/a/b</Arn><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https-only</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity><Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols></VpcOriginEndpointConfig></CreateVpcOriginRequest>""";

    [Theory]
    [InlineData("<Restrictions><GeoRestriction><RestrictionType>whitelist</RestrictionType><Quantity>1</Quantity><Items><Location>DE</Location></Items></GeoRestriction></Restrictions>", true)]
    [InlineData("<Restrictions><GeoRestriction><RestrictionType>whitelist</RestrictionType><Quantity>1</Quantity><Items><Country>DE</Country></Items></GeoRestriction></Restrictions>", false)]
    [InlineData("<Restrictions><GeoRestriction><Quantity>0</Quantity></GeoRestriction></Restrictions>", false)]
    public void A_distribution_config_with_restrictions_is_checked_down_to_its_locations(string restrictions, bool conforms)
    {
        var body = PrivateApiEdge.UnitTests.Aws.CloudFront.CloudFrontSamples.DistributionConfig(restrictions: restrictions);

        var problems = AwsModel.Load("cloudfront").Operation("CreateDistribution").ValidateRequest(Request(HttpMethod.Post, "2020-05-31/distribution", body), body);

        Assert.Equal(conforms, problems.Count == 0);
    }

    [Fact]
    public void A_delete_with_its_if_match_header_conforms()
    {
        var request = Request(HttpMethod.Delete, "2020-05-31/vpc-origin/vo_123");
        request.Headers.TryAddWithoutValidation("If-Match", "E2QWRUHAPOMQZL");

        Assert.Empty(AwsModel.Load("cloudfront").Operation("DeleteVpcOrigin").ValidateRequest(request, null));
    }

    [Fact]
    public void A_delete_without_the_required_if_match_header_is_rejected()
    {
        var problems = AwsModel.Load("cloudfront").Operation("DeleteVpcOrigin").ValidateRequest(Request(HttpMethod.Delete, "2020-05-31/vpc-origin/vo_123"), null);

        Assert.Contains(problems, p => p.Contains("If-Match", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_method_or_path_is_rejected()
    {
        var operation = AwsModel.Load("cloudfront").Operation("GetVpcOrigin");

        Assert.Contains(operation.ValidateRequest(Request(HttpMethod.Post, "2020-05-31/vpc-origin/vo_1"), null), p => p.Contains("method", StringComparison.Ordinal));
        Assert.Contains(operation.ValidateRequest(Request(HttpMethod.Get, "2020-05-31/vpc-origins/vo_1"), null), p => p.Contains("does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rest_xml_body_in_the_service_namespace_conforms()
    {
        var body = VpcOriginRequestBody(CloudFrontNs);

        AwsModel.Load("cloudfront").Operation("CreateVpcOrigin").AssertRequestConforms(Request(HttpMethod.Post, "2020-05-31/vpc-origin", body), body);
    }

    [Fact]
    public void Child_elements_outside_the_namespace_are_rejected()
    {
        var body = VpcOriginRequestBody(string.Empty);

        var problems = AwsModel.Load("cloudfront").Operation("CreateVpcOrigin").ValidateRequest(Request(HttpMethod.Post, "2020-05-31/vpc-origin", body), body);

        Assert.Contains(problems, p => p.Contains("namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_members_bad_enums_missing_required_members_and_wrong_list_item_names_are_rejected()
    {
        var body = $"""<CreateVpcOriginRequest xmlns="{CloudFrontNs}"><VpcOriginEndpointConfig><Name>n</Name><HTTPPort>eighty</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https</OriginProtocolPolicy><Colour>red</Colour><OriginSslProtocols><Quantity>1</Quantity><Items><member>TLSv1.2</member></Items></OriginSslProtocols></VpcOriginEndpointConfig></CreateVpcOriginRequest>""";

        var problems = AwsModel.Load("cloudfront").Operation("CreateVpcOrigin").ValidateRequest(Request(HttpMethod.Post, "2020-05-31/vpc-origin", body), body);

        Assert.Contains(problems, p => p.Contains("Colour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'https' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("lacks required <Arn>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must be an integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("list items must be <SslProtocol>", StringComparison.Ordinal));
    }

    [Fact]
    public void Member_order_can_be_checked_for_schema_validating_services()
    {
        var operation = AwsModel.Load("cloudfront").Operation("CreateVpcOrigin");
        var swapped = VpcOriginRequestBody(CloudFrontNs).Replace("<Name>n</Name><Arn>arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/a/b</Arn>", "<Arn>arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/a/b</Arn><Name>n</Name>", StringComparison.Ordinal);

        operation.AssertRequestMemberOrder(VpcOriginRequestBody(CloudFrontNs));
        var failure = Assert.ThrowsAny<Exception>(() => operation.AssertRequestMemberOrder(swapped));
        Assert.Contains("Name comes after Arn", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Static_template_query_keys_and_unknown_query_parameters_are_checked()
    {
        var operation = AwsModel.Load("route53").Operation("ListResourceRecordSets");

        Assert.Empty(operation.ValidateRequest(Request(HttpMethod.Get, "2013-04-01/hostedzone/Z1/rrset?name=a.example.com.&type=A&maxitems=100"), null));
        Assert.Contains(operation.ValidateRequest(Request(HttpMethod.Get, "2013-04-01/hostedzone/Z1/rrset?StartRecordName=a"), null), p => p.Contains("StartRecordName", StringComparison.Ordinal));
        Assert.Contains(
            AwsModel.Load("cloudfront").Operation("CreateDistributionWithTags").ValidateRequest(Request(HttpMethod.Post, "2020-05-31/distribution"), null),
            p => p.Contains("WithTags", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_protocol_lists_must_be_flattened_as_member_N()
    {
        var operation = AwsModel.Load("elbv2").Operation("DescribeLoadBalancers");

        var good = "Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=alb-a&Names.member.2=alb-b";
        var bad = "Action=DescribeLoadBalancers&Version=2015-12-01&Names.1=alb-a";
        Assert.Empty(operation.ValidateRequest(Request(HttpMethod.Post, string.Empty, good, "application/x-www-form-urlencoded"), good));
        Assert.Contains(operation.ValidateRequest(Request(HttpMethod.Post, string.Empty, bad, "application/x-www-form-urlencoded"), bad), p => p.Contains("member.N", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_protocol_structure_lists_and_action_are_checked()
    {
        var operation = AwsModel.Load("elbv2").Operation("AddTags");

        var good = "Action=AddTags&Version=2015-12-01&ResourceArns.member.1=arn&Tags.member.1.Key=k&Tags.member.1.Value=v";
        var bad = "Action=AddTag&Version=2015-12-01&ResourceArns.member.1=arn&Tags.member.1.Value=v&Tags.member.3.Key=k";
        Assert.Empty(operation.ValidateRequest(Request(HttpMethod.Post, string.Empty, good, "application/x-www-form-urlencoded"), good));
        var problems = operation.ValidateRequest(Request(HttpMethod.Post, string.Empty, bad, "application/x-www-form-urlencoded"), bad);
        Assert.Contains(problems, p => p.Contains("Action", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("numbered 1..N", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Tags.member.1.Key' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_requests_need_the_target_header_and_known_members()
    {
        var operation = AwsModel.Load("acm").Operation("DescribeCertificate");
        var body = """{"CertificateArn":"arn:aws:acm:us-east-1:1:certificate/x"}""";
        var good = Request(HttpMethod.Post, string.Empty, body, "application/x-amz-json-1.1");
        good.Headers.TryAddWithoutValidation("X-Amz-Target", "CertificateManager.DescribeCertificate");
        var bad = Request(HttpMethod.Post, string.Empty, """{"certificateArn":"x"}""", "application/json");

        Assert.Empty(operation.ValidateRequest(good, body));
        var problems = operation.ValidateRequest(bad, """{"certificateArn":"x"}""");
        Assert.Contains(problems, p => p.Contains("X-Amz-Target", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Content-Type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("certificateArn is not a member", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("lacks required member CertificateArn", StringComparison.Ordinal));
    }

    [Fact]
    public void Rest_json_bodies_use_location_names_and_uri_labels()
    {
        var operation = AwsModel.Load("apigateway").Operation("CreateDeployment");
        var body = """{"stageName":"prod"}""";

        Assert.Empty(operation.ValidateRequest(Request(HttpMethod.Post, "restapis/abc123/deployments", body, "application/json"), body));
        Assert.Contains(operation.ValidateRequest(Request(HttpMethod.Post, "restapis/abc123/deployments", """{"StageName":"prod"}""", "application/json"), """{"StageName":"prod"}"""), p => p.Contains("StageName", StringComparison.Ordinal));
    }

    [Fact]
    public void Responses_with_unknown_elements_or_missing_required_members_are_rejected()
    {
        var operation = AwsModel.Load("cloudfront").Operation("GetVpcOrigin");
        var good = $"""<?xml version="1.0"?><VpcOrigin xmlns="{CloudFrontNs}"><Id>vo_1</Id><Arn>arn:aws:cloudfront::1:vpcorigin/vo_1</Arn><Status>Deployed</Status><CreatedTime>2026-11-25T01:00:00.000Z</CreatedTime><LastModifiedTime>2026-11-25T01:00:00Z</LastModifiedTime><VpcOriginEndpointConfig><Name>n</Name><Arn>arn</Arn><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https-only</OriginProtocolPolicy></VpcOriginEndpointConfig></VpcOrigin>""";
        var bad = $"""<VpcOrigin xmlns="{CloudFrontNs}"><Id>vo_1</Id><Status>Deployed</Status><Colour/><CreatedTime>yesterday</CreatedTime><LastModifiedTime>2026-11-25T01:00:00Z</LastModifiedTime></VpcOrigin>""";

        operation.AssertResponseConforms(good);
        var problems = operation.ValidateResponse(bad);
        Assert.Contains(problems, p => p.Contains("Colour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("lacks required <Arn>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("timestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_responses_need_the_result_wrapper_and_response_metadata()
    {
        var operation = AwsModel.Load("sts").Operation("GetCallerIdentity");
        var good = """<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/u</Arn><UserId>AID</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>""";
        var bad = """<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Arn>arn</Arn></GetCallerIdentityResponse>""";

        operation.AssertResponseConforms(good);
        Assert.Contains(operation.ValidateResponse(bad), p => p.Contains("GetCallerIdentityResult> is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_responses_are_checked_against_the_output_shape()
    {
        var operation = AwsModel.Load("acm").Operation("ListCertificates");

        operation.AssertResponseConforms("""{"CertificateSummaryList":[{"CertificateArn":"arn","DomainName":"example.com","Status":"ISSUED","NotAfter":1795000000.0}]}""");
        Assert.Contains(operation.ValidateResponse("""{"CertificateSummaryList":[{"Status":"DONE","NotAfter":"2026"}]}"""), p => p.Contains("not one of", StringComparison.Ordinal));
        Assert.Contains(operation.ValidateResponse("""{"Certificates":[]}"""), p => p.Contains("Certificates is not a member", StringComparison.Ordinal));
    }
}
