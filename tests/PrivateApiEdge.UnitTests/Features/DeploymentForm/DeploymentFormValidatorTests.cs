using PrivateApiEdge.Web.Features.DeploymentForm;

namespace PrivateApiEdge.UnitTests.Features.DeploymentForm;

public sealed class DeploymentFormValidatorTests
{
    private const string UsEast1Cert = "arn:aws:acm:us-east-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c001";
    private const string EuWest1Cert = "arn:aws:acm:eu-west-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c002";

    private static DeploymentFormModel ValidModel()
    {
        var model = DeploymentRequests.DemoForm("orders-api");
        model.DomainName = "api.demo.example.com";
        model.Tags = "";
        return model;
    }

    [Fact]
    public void A_complete_form_with_demo_values_has_no_errors()
    {
        Assert.Empty(DeploymentFormValidator.Validate(ValidModel()));
    }

    [Theory]
    [InlineData("orders-api")]
    [InlineData("a")]
    [InlineData("api2")]
    public void Names_of_lower_case_letters_digits_and_single_hyphens_are_accepted(string name)
    {
        Assert.Null(DeploymentFormValidator.Name(name));
    }

    [Theory]
    [InlineData("", "Enter a name")]
    [InlineData("Orders", "Lower-case")]
    [InlineData("1orders", "start with a letter")]
    [InlineData("orders-", "end with a letter or digit")]
    [InlineData("orders--api", "single hyphens")]
    [InlineData("orders_api", "Lower-case")]
    [InlineData("abcdefghijabcdefghijabcde", "At most 24")]
    [InlineData("<b>x</b>", "Markup")]
    public void Names_outside_AWS_limits_are_rejected_with_a_hint(string name, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.Name(name), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("a-b.c-d.example.co.uk")]
    [InlineData("api.demo.example.com.")]
    public void Fully_qualified_domain_names_are_accepted(string domain)
    {
        Assert.Null(DeploymentFormValidator.DomainName(domain));
    }

    [Theory]
    [InlineData("localhost", "at least two labels")]
    [InlineData("*.example.com", "wildcard")]
    [InlineData("-api.example.com", "not a valid label")]
    [InlineData("api..example.com", "not a valid label")]
    [InlineData("API.example.com", "not a valid label")]
    [InlineData("api.example.123", "numeric")]
    [InlineData("api.<script>.com", "Markup")]
    public void Malformed_domain_names_are_rejected(string domain, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.DomainName(domain), StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_outside_the_chosen_zone_is_rejected_once_the_zone_name_is_known()
    {
        var model = ValidModel();
        model.DomainName = "api.other.example.org";

        var errors = DeploymentFormValidator.Validate(model, new DeploymentFormContext("demo.example.com.", null));

        Assert.Contains("not in the zone demo.example.com", errors[nameof(model.DomainName)], StringComparison.Ordinal);
    }

    [Fact]
    public void One_subnet_is_not_enough_for_a_load_balancer()
    {
        Assert.Contains("at least two subnets", DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_subnets_in_the_same_zone_are_rejected_when_the_zones_are_known()
    {
        var zones = new Dictionary<string, string> { ["subnet-0d3e000000000b001"] = "eu-west-1a", ["subnet-0d3e000000000b002"] = "eu-west-1a" };

        var error = DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001", "subnet-0d3e000000000b002"], zones);

        Assert.Contains("two availability zones", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vpc-12345678", null)]
    [InlineData("vpc-0d3e000000000a001", null)]
    [InlineData("subnet-12345678", "not a vpc id")]
    [InlineData("vpc-123", "not a vpc id")]
    [InlineData("vpc-0D3E000000000A001", "not a vpc id")]
    public void Vpc_ids_must_have_the_vpc_shape(string id, string? hint)
    {
        var error = DeploymentFormValidator.VpcId(id);
        if (hint is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(hint, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_CloudFront_certificate_must_be_in_us_east_1()
    {
        Assert.Null(DeploymentFormValidator.CloudFrontCertificateArn(UsEast1Cert));
        Assert.Contains("us-east-1", DeploymentFormValidator.CloudFrontCertificateArn(EuWest1Cert), StringComparison.Ordinal);
    }

    [Fact]
    public void The_regional_certificate_must_be_in_the_chosen_region()
    {
        Assert.Null(DeploymentFormValidator.RegionalCertificateArn(EuWest1Cert, "eu-west-1"));
        Assert.Contains("eu-central-1", DeploymentFormValidator.RegionalCertificateArn(EuWest1Cert, "eu-central-1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:server-certificate/x")]
    [InlineData("arn:aws:acm:us-east-1:1111:certificate/0d3e0000-0000-4000-8000-00000000c001")]
    [InlineData("arn:aws:acm:us-east-1:111122223333:certificate/not-a-uuid")]
    public void Arns_of_another_service_or_shape_are_not_certificates(string arn)
    {
        Assert.Contains("ACM certificate ARN", DeploymentFormValidator.CloudFrontCertificateArn(arn), StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_arn_in_the_wrong_partition_is_rejected()
    {
        var arn = "arn:aws-cn:acm:us-east-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c001";

        Assert.Contains("partition aws", DeploymentFormValidator.CloudFrontCertificateArn(arn), StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_reuse_fields_are_checked_only_when_filled()
    {
        Assert.Null(DeploymentFormValidator.ExistingVpcEndpointId(""));
        Assert.Null(DeploymentFormValidator.ExistingVpcEndpointId("vpce-0123456789abcdef0"));
        Assert.NotNull(DeploymentFormValidator.ExistingVpcEndpointId("vpc-0123456789abcdef0"));
        Assert.Null(DeploymentFormValidator.ExistingRestApiId("a1b2c3d4e5"));
        Assert.NotNull(DeploymentFormValidator.ExistingRestApiId("A1B2"));
        Assert.Contains("stage", DeploymentFormValidator.ExistingStageName("", "a1b2c3d4e5"), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.ExistingStageName("", ""));
    }

    [Fact]
    public void A_web_acl_must_have_CloudFront_scope()
    {
        Assert.Null(DeploymentFormValidator.WebAclArn("arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/0d3e0000-0000-4000-8000-000000000001"));
        Assert.Contains("scope CLOUDFRONT", DeploymentFormValidator.WebAclArn(
            "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/0d3e0000-0000-4000-8000-000000000001"), StringComparison.Ordinal);
        Assert.Contains("WAFv2", DeploymentFormValidator.WebAclArn("arn:aws:s3:::bucket"), StringComparison.Ordinal);
    }

    [Fact]
    public void Geo_restriction_needs_two_letter_country_codes()
    {
        Assert.Null(DeploymentFormValidator.GeoRestrictionCountries(GeoRestrictionKind.Allow, "DE, FR"));
        Assert.Contains("at least one", DeploymentFormValidator.GeoRestrictionCountries(GeoRestrictionKind.Block, ""), StringComparison.Ordinal);
        Assert.Contains("'Germany'", DeploymentFormValidator.GeoRestrictionCountries(GeoRestrictionKind.Allow, "Germany"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GeoRestrictionKind.Allow, "DE, FR", null)]
    [InlineData(GeoRestrictionKind.Block, "ru;kp ir", null)]
    [InlineData(GeoRestrictionKind.None, "", null)]
    [InlineData(GeoRestrictionKind.None, "DE", "Choose allow or block")]
    [InlineData(GeoRestrictionKind.Allow, "  ", "at least one")]
    [InlineData(GeoRestrictionKind.Allow, "DE, Germany", "'Germany' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData(GeoRestrictionKind.Allow, "D", "'D' is not an ISO 3166-1 alpha-2")]
    [InlineData(GeoRestrictionKind.Allow, "D3", "'D3' is not an ISO 3166-1 alpha-2")]
    [InlineData(GeoRestrictionKind.Block, "XX", "'XX' is not an assigned")]
    [InlineData(GeoRestrictionKind.Block, "uk", "use GB")]
    [InlineData(GeoRestrictionKind.Allow, "DE, FR, de", "'DE' appears twice")]
    [InlineData(GeoRestrictionKind.Allow, "<b>DE</b>", "Markup")]
    public void Geo_restriction_countries_are_assigned_iso_codes_listed_once(GeoRestrictionKind kind, string countries, string? error)
    {
        var message = DeploymentFormValidator.GeoRestrictionCountries(kind, countries);

        if (error is null)
        {
            Assert.Null(message);
        }
        else
        {
            Assert.Contains(error, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Geo_restriction_countries_have_a_maximum_beyond_which_the_other_list_is_shorter()
    {
        var codes = IsoCountryCodes.All.Order(StringComparer.Ordinal).ToList();

        Assert.Null(DeploymentFormValidator.GeoRestrictionCountries(GeoRestrictionKind.Allow, string.Join(",", codes.Take(DeploymentFormValidator.MaxGeoRestrictionCountries))));
        Assert.Contains("switch to block and list the countries to shut out instead", DeploymentFormValidator.GeoRestrictionCountries(
            GeoRestrictionKind.Allow, string.Join(",", codes.Take(DeploymentFormValidator.MaxGeoRestrictionCountries + 1))), StringComparison.Ordinal);
        Assert.Equal(249, codes.Count);
    }

    [Fact]
    public void Country_codes_are_upper_cased_and_deduplicated_in_typed_order()
    {
        Assert.Equal(["FR", "DE", "AT"], DeploymentFormValidator.CountryCodes(" fr, De;de\nAT "));
    }

    [Theory]
    [InlineData("team=payments\ncost-center=42", null)]
    [InlineData("aws:owner=me", "reserved")]
    [InlineData("privateapiedge:step=x", "reserved")]
    [InlineData("team=a\nteam=b", "twice")]
    [InlineData("team=<img src=x>", "Markup")]
    [InlineData("=value", "key of 1-128")]
    public void Tags_follow_AWS_rules(string tags, string? hint)
    {
        var error = DeploymentFormValidator.Tags(tags);
        if (hint is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(hint, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_reports_every_broken_field_by_property_name()
    {
        var errors = DeploymentFormValidator.Validate(new DeploymentFormModel());

        Assert.Equal(
            ["CloudFrontCertificateArn", "DomainName", "HostedZoneId", "Name", "Region", "RegionalCertificateArn", "SubnetIds", "VpcId"],
            errors.Keys.Order(StringComparer.Ordinal));
    }
}
