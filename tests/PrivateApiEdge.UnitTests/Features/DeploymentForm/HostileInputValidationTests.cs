using PrivateApiEdge.Web.Features.DeploymentForm;

namespace PrivateApiEdge.UnitTests.Features.DeploymentForm;

/// <summary>Each hostile-input rule of the deployment form with a value it rejects (and why) and one it accepts.</summary>
public sealed class HostileInputValidationTests
{
    private const string Account = "111122223333";
    private const string CertId = "0d3e0000-0000-4000-8000-00000000c001";
    private const string UsEast1Cert = $"arn:aws:acm:us-east-1:{Account}:certificate/{CertId}";
    private const string WebAcl = $"arn:aws:wafv2:us-east-1:{Account}:global/webacl/edge/0d3e0000-0000-4000-8000-000000000001";
    private const string Role = $"arn:aws:iam::{Account}:role/deployer";

    [Theory]
    [InlineData("orders\0api", "null byte")]
    [InlineData("orders\u0007", "control character U+0007")]
    [InlineData("orders\tapi", "(tab)")]
    [InlineData("orders\u200Bapi", "zero-width space")]
    [InlineData("orders\u202Eipa", "right-to-left override")]
    [InlineData("orders\uFEFF", "byte order mark")]
    [InlineData("<script>", "Markup")]
    public void Unsafe_characters_are_named_in_the_message(string value, string hint)
    {
        Assert.Contains(hint, UnsafeText.Problem(value), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpaired_surrogate_is_named_in_the_message()
    {
        // Built at run time: a lone surrogate does not survive attribute serialization.
        Assert.Contains("unpaired surrogate U+D800", UnsafeText.Problem("orders" + (char)0xD800), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders-api")]
    [InlineData("Zürich team ✓")]
    [InlineData("emoji 😀 pair")]
    public void Ordinary_text_and_paired_surrogates_are_safe(string value)
    {
        Assert.Null(UnsafeText.Problem(value));
    }

    [Fact]
    public void Line_breaks_are_safe_only_where_a_field_has_lines()
    {
        Assert.Null(UnsafeText.Problem("a=b\r\nc=d", allowLineBreaks: true));
        Assert.Contains("line break", UnsafeText.Problem("a=b\nc=d"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0430pi.example.com", "mixes Latin and Cyrillic letters ('\u0430' is Cyrillic U+0430, which looks like Latin 'a')")]
    [InlineData("p\u0430yp\u0430l.example.com", "looks like Latin 'a'")]
    [InlineData("\u0430\u0440\u0435.example.com", "look like the Latin 'ape'")] // all Cyrillic
    [InlineData("g\u03BFogle.example.com", "Greek")]
    [InlineData("api\uFF0Eexample.com", "fullwidth full stop")]
    [InlineData("api\u3002example.com", "ideographic full stop")]
    [InlineData("\uFF41pi.example.com", "full-width character")]
    [InlineData("api\u200B.example.com", "zero-width space")]
    [InlineData("b\u00FCcher.example.com", "xn--bcher-kva.example.com")]
    [InlineData("xn--pple-43d.example.com", "mixes")] // punycode of Cyrillic а + "pple"
    [InlineData("xn--80ak6aa92e.example.com", "look like the Latin")] // punycode of all-Cyrillic "аррӏе"
    [InlineData("xn--zz-.example.com", "not valid punycode")]
    [InlineData("ab--cd.example.com", "reserved")]
    public void Domains_that_impersonate_or_hide_characters_are_rejected(string domain, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.DomainName(domain), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xn--bcher-kva.example.com")] // bücher, one script
    [InlineData("xn--wgv71a119e.example.com")] // 日本語 (Han)
    [InlineData("api-v2.example.com")]
    public void Sound_punycode_and_plain_ascii_domains_are_accepted(string domain)
    {
        Assert.Null(DeploymentFormValidator.DomainName(domain));
    }

    [Fact]
    public void A_domain_longer_than_253_characters_is_rejected()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".com";

        Assert.Contains("253", DeploymentFormValidator.DomainName(domain), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.DomainName(string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + ".com"));
    }

    [Theory]
    [InlineData("eu-west-9", "not an AWS region")]
    [InlineData("xx-north-1", "not an AWS region")]
    [InlineData("mars-north-1", "looks like eu-west-1")]
    [InlineData("EU-WEST-1", "looks like eu-west-1")]
    [InlineData("eu-west-1\0", "null byte")]
    public void Regions_that_do_not_exist_are_rejected(string region, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.Region(region), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.Region("eu-central-1"));
    }

    [Fact]
    public void A_region_longer_than_any_region_is_rejected_without_running_the_pattern()
    {
        Assert.Contains("looks like", DeploymentFormValidator.Region("eu-" + new string('w', 5000) + "-1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subnet-0d3e000000000b001", "is a subnet id, not a vpc id")]
    [InlineData("vpc-0d3e000000000a001\u200B", "zero-width")]
    [InlineData("vpc-<b>", "Markup")]
    public void Ids_of_another_kind_say_which_kind_they_are(string id, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.VpcId(id), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.VpcId("vpc-0d3e000000000a001"));
    }

    [Fact]
    public void An_overlong_id_is_rejected_as_too_long()
    {
        Assert.Contains("Too long", DeploymentFormValidator.VpcId("vpc-" + new string('0', 100)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_subnet_listed_twice_is_rejected()
    {
        Assert.Contains("listed twice", DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001", "subnet-0d3e000000000b001"]), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001", "subnet-0d3e000000000b002"]));
    }

    [Fact]
    public void More_subnets_than_availability_zones_are_rejected()
    {
        var seven = Enumerable.Range(1, 7).Select(i => $"subnet-0d3e000000000b00{i}").ToList();

        Assert.Contains("At most 6 subnets", DeploymentFormValidator.Subnets(seven), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.Subnets(seven.Take(6).ToList()));
    }

    [Fact]
    public void An_empty_subnet_entry_is_rejected()
    {
        Assert.Contains("empty subnet", DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001", ""]), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_subnets_of_one_zone_are_rejected_even_when_another_zone_is_covered()
    {
        var zones = new Dictionary<string, string>
        {
            ["subnet-0d3e000000000b001"] = "eu-west-1a",
            ["subnet-0d3e000000000b002"] = "eu-west-1a",
            ["subnet-0d3e000000000b003"] = "eu-west-1b",
        };

        Assert.Contains("one subnet per availability zone",
            DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001", "subnet-0d3e000000000b002", "subnet-0d3e000000000b003"], zones), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.Subnets(["subnet-0d3e000000000b001", "subnet-0d3e000000000b003"], zones));
    }

    [Theory]
    [InlineData($"arn:aws:acm:eu-west-1:{Account}:certificate/{CertId}", "us-east-1 only")]
    [InlineData($"arn:aws:iam::{Account}:server-certificate/edge", "IAM server certificate")]
    [InlineData($"arn:aws:s3:::bucket", "service 's3'")]
    [InlineData($"arn:aws-cn:acm:us-east-1:{Account}:certificate/{CertId}", "partition aws")]
    [InlineData($"arn:aws-mars:acm:us-east-1:{Account}:certificate/{CertId}", "not an AWS partition")]
    [InlineData($"arn:aws:acm:us-east-1:12345:certificate/{CertId}", "12-digit account")]
    [InlineData($"arn:aws:acm:us-east-1:{Account}:certificate/{CertId}\u200B", "zero-width")]
    [InlineData($"arn:aws:acm:us-east-1:{Account}:certificate/0D3E0000-0000-4000-8000-00000000C001", "lower-case UUID")]
    [InlineData("acm-certificate", "Enter an ACM certificate ARN")]
    public void CloudFront_certificate_arns_name_their_wrong_part(string arn, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.CloudFrontCertificateArn(arn), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.CloudFrontCertificateArn(UsEast1Cert));
    }

    [Fact]
    public void An_overlong_arn_is_rejected_by_its_length()
    {
        Assert.Contains("At most 2048", DeploymentFormValidator.CloudFrontCertificateArn(UsEast1Cert + new string('a', 2048)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_regional_certificate_waits_for_a_valid_region()
    {
        Assert.Contains("valid region first", DeploymentFormValidator.RegionalCertificateArn(UsEast1Cert, "eu-west-9"), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.RegionalCertificateArn(UsEast1Cert, "us-east-1"));
    }

    [Theory]
    [InlineData($"arn:aws:waf::{Account}:webacl/0d3e0000-0000-4000-8000-000000000001", "WAF Classic")]
    [InlineData($"arn:aws:waf-regional:eu-west-1:{Account}:webacl/0d3e0000-0000-4000-8000-000000000001", "WAF Classic")]
    [InlineData($"arn:aws:wafv2:us-east-1:{Account}:regional/webacl/edge/0d3e0000-0000-4000-8000-000000000001", "scope CLOUDFRONT")]
    [InlineData($"arn:aws:wafv2:eu-west-1:{Account}:global/webacl/edge/0d3e0000-0000-4000-8000-000000000001", "scope CLOUDFRONT")]
    [InlineData($"arn:aws-cn:wafv2:us-east-1:{Account}:global/webacl/edge/0d3e0000-0000-4000-8000-000000000001", "partition aws")]
    [InlineData("arn:aws:wafv2:us-east-1:1:global/webacl/edge/0d3e0000-0000-4000-8000-000000000001", "12-digit account")]
    [InlineData($"arn:aws:wafv2:us-east-1:{Account}:global/webacl/<edge>/0d3e0000-0000-4000-8000-000000000001", "Markup")]
    public void Web_acl_arns_must_be_wafv2_with_CloudFront_scope(string arn, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.WebAclArn(arn), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.WebAclArn(WebAcl));
    }

    [Theory]
    [InlineData($"arn:aws:sts::{Account}:assumed-role/deployer/alice", "assumed-role session")]
    [InlineData($"arn:aws:iam:eu-west-1:{Account}:role/deployer", "no region")]
    [InlineData($"arn:aws:iam::{Account}:user/alice", "is not a role")]
    [InlineData($"arn:aws:iam::{Account}:role/dep loyer", "role name")]
    [InlineData($"arn:aws:iam::12:role/deployer", "12-digit account")]
    [InlineData($"arn:aws-us-gov:iam::{Account}:role/deployer", "partition aws")]
    [InlineData($"arn:aws:lambda:eu-west-1:{Account}:function:deployer", "service 'lambda'")]
    public void Role_arns_must_be_iam_roles_of_the_regions_partition(string arn, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.AssumeRoleArn(arn, "eu-west-1"), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.AssumeRoleArn(Role, "eu-west-1"));
        Assert.Null(DeploymentFormValidator.AssumeRoleArn($"arn:aws:iam::{Account}:role/platform/deployer", "eu-west-1"));
    }

    [Fact]
    public void Validate_names_a_null_byte_in_the_external_id()
    {
        var model = new DeploymentFormModel { AssumeRoleArn = Role, AssumeRoleExternalId = "tenant\0" };

        Assert.Contains("null byte", DeploymentFormValidator.Validate(model)[nameof(model.AssumeRoleExternalId)], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_checks_the_roles_partition_against_the_region()
    {
        var model = new DeploymentFormModel { Region = "eu-west-1", AssumeRoleArn = $"arn:aws-cn:iam::{Account}:role/deployer" };

        Assert.Contains("partition aws", DeploymentFormValidator.Validate(model)[nameof(model.AssumeRoleArn)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_without_its_api_is_rejected()
    {
        Assert.Contains("choose the API too", DeploymentFormValidator.ExistingStageName("prod", ""), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.ExistingStageName("prod", "a1b2c3d4e5"));
    }

    [Theory]
    [InlineData("team=pay\0ments", "null byte")]
    [InlineData("team=pay\u202Ements", "right-to-left override")]
    [InlineData("team=<script>alert(1)</script>", "Markup")]
    [InlineData("AWS:owner=me", "reserved")]
    [InlineData("team=\"quoted\"", "tags allow")]
    public void Tags_reject_hidden_and_active_content(string tags, string hint)
    {
        Assert.Contains(hint, DeploymentFormValidator.Tags(tags), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.Tags("team=payments\r\nowner=alice@example.com"));
    }

    [Fact]
    public void Enum_values_outside_their_names_are_rejected()
    {
        Assert.Contains("not a cache policy", DeploymentFormValidator.CachePolicy((CachePolicyChoice)42), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.CachePolicy(CachePolicyChoice.CachingOptimized));
        Assert.Contains("not a geo restriction", DeploymentFormValidator.GeoRestriction((GeoRestrictionKind)9), StringComparison.Ordinal);
        Assert.Null(DeploymentFormValidator.GeoRestriction(GeoRestrictionKind.Block));
    }

    [Fact]
    public void Validate_reports_an_unsafe_country_list_by_its_field()
    {
        var model = new DeploymentFormModel { GeoRestriction = GeoRestrictionKind.Allow, GeoRestrictionCountries = "DE\0" };

        Assert.Contains("null byte", DeploymentFormValidator.Validate(model)[nameof(model.GeoRestrictionCountries)], StringComparison.Ordinal);
    }

    [Fact]
    public void An_arn_splits_into_its_six_parts_with_colons_left_in_the_resource()
    {
        Assert.True(AwsArn.TryParse("arn:aws:lambda:eu-west-1:111122223333:function:f:live", out var arn));
        Assert.Equal(new AwsArn("aws", "lambda", "eu-west-1", "111122223333", "function:f:live"), arn);
        Assert.False(AwsArn.TryParse("urn:aws:lambda:eu-west-1:111122223333:function", out _));
    }
}
