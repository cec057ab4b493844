using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.DeploymentForm;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>One hostile or malformed value: which form field it breaks, how, and what the message must say.</summary>
/// <param name="Field">The <see cref="DeploymentFormModel"/> property (the API reports it in camel case).</param>
/// <param name="Description">What is wrong with the value, for the test's name.</param>
/// <param name="Break">Turns the valid demo form into the broken one.</param>
/// <param name="Expected">A fragment of the message the user gets.</param>
public sealed record MalformedInput(string Field, string Description, Action<DeploymentFormModel> Break, string Expected)
{
    public string Id => $"{Field}: {Description}";
}

/// <summary>
/// The table of malformed deployment inputs that the API and the form must both reject with a message naming the
/// field. Cases are written against the form model (what a user types); the API receives the same values as JSON.
/// </summary>
public static class MalformedDeploymentInputs
{
    private const string Account = "111122223333";
    private const string Uuid = "0d3e0000-0000-4000-8000-00000000c001";
    private const string Cyrillic_a = "\u0430";

    public static IReadOnlyList<MalformedInput> All { get; } = Build();

    public static TheoryData<string> Ids => [.. All.Select(c => c.Id)];

    public static MalformedInput Find(string id) => All.Single(c => c.Id == id);

    private static List<MalformedInput> Build()
    {
        var cases = new List<MalformedInput>();
        void Add(string field, string description, Action<DeploymentFormModel> breakIt, string expected) =>
            cases.Add(new MalformedInput(field, description, breakIt, expected));

        // Name
        const string Name = nameof(DeploymentFormModel.Name);
        Add(Name, "empty", f => f.Name = "", "Enter a name");
        Add(Name, "only spaces", f => f.Name = "   ", "Enter a name");
        Add(Name, "upper case", f => f.Name = "Orders", "Lower-case");
        Add(Name, "starts with a digit", f => f.Name = "1orders", "start with a letter");
        Add(Name, "ends with a hyphen", f => f.Name = "orders-", "end with a letter or digit");
        Add(Name, "double hyphen", f => f.Name = "orders--api", "single hyphens");
        Add(Name, "underscore", f => f.Name = "orders_api", "Lower-case");
        Add(Name, "25 characters", f => f.Name = new string('a', 25), "At most 24");
        Add(Name, "10000 characters", f => f.Name = new string('a', 10_000), "At most 24");
        Add(Name, "script tag", f => f.Name = "<script>alert(1)</script>", "Markup");
        Add(Name, "null byte", f => f.Name = "orders\0", "null byte");
        Add(Name, "bell control character", f => f.Name = "orders\u0007", "control character U+0007");
        Add(Name, "tab", f => f.Name = "orders\tapi", "(tab)");
        Add(Name, "zero-width space", f => f.Name = "ord\u200Bers", "zero-width space");
        Add(Name, "right-to-left override", f => f.Name = "orders\u202Eipa", "right-to-left override");
        Add(Name, "Cyrillic a", f => f.Name = $"orders-{Cyrillic_a}pi", "Lower-case");
        Add(Name, "SQL quote", f => f.Name = "orders'--", "Lower-case");
        Add(Name, "path traversal", f => f.Name = "../../etc", "Lower-case");

        // Domain name
        const string Domain = nameof(DeploymentFormModel.DomainName);
        Add(Domain, "empty", f => f.DomainName = "", "Enter the public domain name");
        Add(Domain, "single label", f => f.DomainName = "localhost", "at least two labels");
        Add(Domain, "wildcard", f => f.DomainName = "*.demo.example.com", "wildcard");
        Add(Domain, "label starting with a hyphen", f => f.DomainName = "-api.demo.example.com", "not a valid label");
        Add(Domain, "empty label", f => f.DomainName = "api..demo.example.com", "not a valid label");
        Add(Domain, "upper case", f => f.DomainName = "API.demo.example.com", "not a valid label");
        Add(Domain, "numeric top-level label", f => f.DomainName = "api.example.123", "numeric");
        Add(Domain, "64-character label", f => f.DomainName = new string('a', 64) + ".demo.example.com", "not a valid label");
        Add(Domain, "longer than 253 characters", f => f.DomainName = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com", "253");
        Add(Domain, "script tag", f => f.DomainName = "<script>.demo.example.com", "Markup");
        Add(Domain, "space inside", f => f.DomainName = "my api.demo.example.com", "not a valid label");
        Add(Domain, "URL instead of a name", f => f.DomainName = "https://api.demo.example.com/", "not a valid label");
        Add(Domain, "Cyrillic a among Latin letters", f => f.DomainName = $"{Cyrillic_a}pi.demo.example.com", "mixes");
        Add(Domain, "Greek omicron among Latin letters", f => f.DomainName = "g\u03BFogle.demo.example.com", "Greek");
        Add(Domain, "whole label of Cyrillic look-alikes", f => f.DomainName = "\u0430\u0440\u0435.demo.example.com", "look like the Latin 'ape'");
        Add(Domain, "punycode of a mixed-script label", f => f.DomainName = "xn--pple-43d.demo.example.com", "mixes");
        Add(Domain, "invalid punycode", f => f.DomainName = "xn--zz-.demo.example.com", "not valid punycode");
        Add(Domain, "reserved double hyphen", f => f.DomainName = "ab--cd.demo.example.com", "reserved");
        Add(Domain, "unicode instead of punycode", f => f.DomainName = "b\u00FCcher.demo.example.com", "punycode form: xn--bcher-kva");
        Add(Domain, "full-width dot", f => f.DomainName = "api\uFF0Edemo.example.com", "fullwidth full stop");
        Add(Domain, "ideographic dot", f => f.DomainName = "api\u3002demo.example.com", "ideographic full stop");
        Add(Domain, "full-width letters", f => f.DomainName = "\uFF41\uFF50\uFF49.demo.example.com", "full-width character");
        Add(Domain, "zero-width joiner", f => f.DomainName = "api\u200D.demo.example.com", "zero-width joiner");
        Add(Domain, "soft hyphen", f => f.DomainName = "ap\u00ADi.demo.example.com", "soft hyphen");
        Add(Domain, "null byte", f => f.DomainName = "api.demo.example.com\0.evil.com", "null byte");
        Add(Domain, "line feed (header injection)", f => f.DomainName = "api.demo.example.com\nX-Injected: 1", "line break");
        Add(Domain, "outside the hosted zone's domain, with markup", f => f.DomainName = "api.<b>.com", "Markup");

        // Region
        const string Region = nameof(DeploymentFormModel.Region);
        Add(Region, "empty", f => f.Region = "", "Choose a region");
        Add(Region, "does not exist", f => f.Region = "eu-west-9", "not an AWS region");
        Add(Region, "invented region", f => f.Region = "xx-north-1", "not an AWS region");
        Add(Region, "upper case", f => f.Region = "EU-WEST-1", "looks like eu-west-1");
        Add(Region, "availability zone instead", f => f.Region = "eu-west-1a", "looks like eu-west-1");
        Add(Region, "GovCloud (not offered)", f => f.Region = "us-gov-west-1", "not an AWS region");
        Add(Region, "overlong", f => f.Region = "eu-" + new string('w', 5000) + "-1", "looks like eu-west-1");
        Add(Region, "null byte", f => f.Region = "eu-west-1\0", "null byte");
        Add(Region, "markup", f => f.Region = "<eu-west-1>", "Markup");

        // VPC
        const string Vpc = nameof(DeploymentFormModel.VpcId);
        Add(Vpc, "empty", f => f.VpcId = "", "Choose the VPC");
        Add(Vpc, "subnet id instead", f => f.VpcId = SandboxSeed.SubnetAId, "is a subnet id, not a vpc id");
        Add(Vpc, "too short", f => f.VpcId = "vpc-123", "not a vpc id");
        Add(Vpc, "upper-case hex", f => f.VpcId = "vpc-0D3E000000000A001", "not a vpc id");
        Add(Vpc, "overlong", f => f.VpcId = "vpc-" + new string('0', 200), "Too long");
        Add(Vpc, "markup", f => f.VpcId = "vpc-<img>", "Markup");
        Add(Vpc, "zero-width space", f => f.VpcId = SandboxSeed.VpcId + "\u200B", "zero-width space");

        // Subnets
        const string Subnets = nameof(DeploymentFormModel.SubnetIds);
        Add(Subnets, "none", f => f.SubnetIds = [], "at least two subnets");
        Add(Subnets, "only one", f => f.SubnetIds = [SandboxSeed.SubnetAId], "at least two subnets");
        Add(Subnets, "the same subnet twice", f => f.SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetAId], "listed twice");
        Add(Subnets, "seven subnets", f => f.SubnetIds = [.. Enumerable.Range(1, 7).Select(i => $"subnet-0d3e000000000b00{i}")], "At most 6 subnets");
        Add(Subnets, "a VPC id among them", f => f.SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.VpcId], "is a vpc id, not a subnet id");
        Add(Subnets, "an empty entry", f => f.SubnetIds = [SandboxSeed.SubnetAId, ""], "empty subnet");
        Add(Subnets, "markup entry", f => f.SubnetIds = [SandboxSeed.SubnetAId, "<script>"], "Markup");
        Add(Subnets, "null byte in an entry", f => f.SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId + "\0"], "null byte");
        Add(Subnets, "overlong entry", f => f.SubnetIds = [SandboxSeed.SubnetAId, "subnet-" + new string('a', 500)], "Too long");

        // CloudFront certificate
        const string CfCert = nameof(DeploymentFormModel.CloudFrontCertificateArn);
        Add(CfCert, "empty", f => f.CloudFrontCertificateArn = "", "Choose a certificate");
        Add(CfCert, "regional certificate (eu-west-1)", f => f.CloudFrontCertificateArn = SandboxSeed.RegionalCertificateArn, "us-east-1 only");
        Add(CfCert, "IAM server certificate", f => f.CloudFrontCertificateArn = $"arn:aws:iam::{Account}:server-certificate/edge", "IAM server certificate");
        Add(CfCert, "S3 bucket ARN", f => f.CloudFrontCertificateArn = "arn:aws:s3:::my-bucket", "service 's3'");
        Add(CfCert, "China partition", f => f.CloudFrontCertificateArn = $"arn:aws-cn:acm:us-east-1:{Account}:certificate/{Uuid}", "partition aws");
        Add(CfCert, "invented partition", f => f.CloudFrontCertificateArn = $"arn:aws-moon:acm:us-east-1:{Account}:certificate/{Uuid}", "not an AWS partition");
        Add(CfCert, "short account id", f => f.CloudFrontCertificateArn = $"arn:aws:acm:us-east-1:1111:certificate/{Uuid}", "12-digit account");
        Add(CfCert, "id not a UUID", f => f.CloudFrontCertificateArn = $"arn:aws:acm:us-east-1:{Account}:certificate/not-a-uuid", "lower-case UUID");
        Add(CfCert, "not an ARN", f => f.CloudFrontCertificateArn = "my-certificate", "Enter an ACM certificate ARN");
        Add(CfCert, "overlong", f => f.CloudFrontCertificateArn = SandboxSeed.CloudFrontCertificateArn + new string('a', 3000), "At most 2048");
        Add(CfCert, "markup", f => f.CloudFrontCertificateArn = "<a href=x>arn</a>", "Markup");
        Add(CfCert, "trailing zero-width space", f => f.CloudFrontCertificateArn = SandboxSeed.CloudFrontCertificateArn + "\u200B", "zero-width space");

        // Regional certificate
        const string RegionalCert = nameof(DeploymentFormModel.RegionalCertificateArn);
        Add(RegionalCert, "empty", f => f.RegionalCertificateArn = "", "Choose a certificate");
        Add(RegionalCert, "us-east-1 certificate for eu-west-1", f => f.RegionalCertificateArn = SandboxSeed.CloudFrontCertificateArn, "certificate in eu-west-1");
        Add(RegionalCert, "GovCloud partition", f => f.RegionalCertificateArn = $"arn:aws-us-gov:acm:eu-west-1:{Account}:certificate/{Uuid}", "partition aws");
        Add(RegionalCert, "Lambda ARN", f => f.RegionalCertificateArn = $"arn:aws:lambda:eu-west-1:{Account}:function:cert", "service 'lambda'");
        Add(RegionalCert, "null byte", f => f.RegionalCertificateArn = SandboxSeed.RegionalCertificateArn + "\0", "null byte");
        Add(RegionalCert, "markup", f => f.RegionalCertificateArn = "<svg onload=alert(1)>", "Markup");

        // Hosted zone
        const string Zone = nameof(DeploymentFormModel.HostedZoneId);
        Add(Zone, "empty", f => f.HostedZoneId = "", "Choose the public hosted zone");
        Add(Zone, "lower case", f => f.HostedZoneId = "z0123456789abc", "looks like Z");
        Add(Zone, "does not start with Z", f => f.HostedZoneId = "A0123456789ABC", "looks like Z");
        Add(Zone, "a change id path", f => f.HostedZoneId = "/change/C0123456789", "looks like Z");
        Add(Zone, "overlong", f => f.HostedZoneId = "Z" + new string('A', 40), "looks like Z");
        Add(Zone, "markup", f => f.HostedZoneId = "Z<script>", "Markup");

        // Reuse of an existing endpoint or API
        Add(nameof(DeploymentFormModel.ExistingVpcEndpointId), "a VPC id", f => f.ExistingVpcEndpointId = SandboxSeed.VpcId, "is a vpc id, not a vpce id");
        Add(nameof(DeploymentFormModel.ExistingVpcEndpointId), "garbage", f => f.ExistingVpcEndpointId = "endpoint-1", "not a vpce id");
        Add(nameof(DeploymentFormModel.ExistingVpcEndpointId), "markup", f => f.ExistingVpcEndpointId = "vpce-<b>", "Markup");
        Add(nameof(DeploymentFormModel.ExistingVpcEndpointId), "null byte", f => f.ExistingVpcEndpointId = "vpce-0123456789abcdef0\0", "null byte");
        Add(nameof(DeploymentFormModel.ExistingRestApiId), "upper case", f => f.ExistingRestApiId = "A1B2C3D4E5", "10 lower-case");
        Add(nameof(DeploymentFormModel.ExistingRestApiId), "too short", f => f.ExistingRestApiId = "a1b2", "10 lower-case");
        Add(nameof(DeploymentFormModel.ExistingRestApiId), "markup", f => f.ExistingRestApiId = "<b>a1b2</b>", "Markup");
        Add(nameof(DeploymentFormModel.ExistingStageName), "missing for the API", f => (f.ExistingRestApiId, f.ExistingStageName) = ("a1b2c3d4e5", ""), "Choose the stage");
        Add(nameof(DeploymentFormModel.ExistingStageName), "space in the name", f => (f.ExistingRestApiId, f.ExistingStageName) = ("a1b2c3d4e5", "prod v2"), "1-128 letters");
        Add(nameof(DeploymentFormModel.ExistingStageName), "129 characters", f => (f.ExistingRestApiId, f.ExistingStageName) = ("a1b2c3d4e5", new string('s', 129)), "1-128 letters");
        Add(nameof(DeploymentFormModel.ExistingStageName), "without its API", f => f.ExistingStageName = "prod", "choose the API too");
        Add(nameof(DeploymentFormModel.ExistingStageName), "script", f => (f.ExistingRestApiId, f.ExistingStageName) = ("a1b2c3d4e5", "<script>"), "Markup");

        // Web ACL
        const string Acl = nameof(DeploymentFormModel.WebAclArn);
        Add(Acl, "regional scope", f => f.WebAclArn = $"arn:aws:wafv2:eu-west-1:{Account}:regional/webacl/edge/{Uuid}", "scope CLOUDFRONT");
        Add(Acl, "global path but eu-west-1", f => f.WebAclArn = $"arn:aws:wafv2:eu-west-1:{Account}:global/webacl/edge/{Uuid}", "scope CLOUDFRONT");
        Add(Acl, "WAF Classic", f => f.WebAclArn = $"arn:aws:waf::{Account}:webacl/{Uuid}", "WAF Classic");
        Add(Acl, "WAF Classic regional", f => f.WebAclArn = $"arn:aws:waf-regional:eu-west-1:{Account}:webacl/{Uuid}", "WAF Classic");
        Add(Acl, "an S3 ARN", f => f.WebAclArn = "arn:aws:s3:::logs", "service 's3'");
        Add(Acl, "China partition", f => f.WebAclArn = $"arn:aws-cn:wafv2:us-east-1:{Account}:global/webacl/edge/{Uuid}", "partition aws");
        Add(Acl, "short account id", f => f.WebAclArn = $"arn:aws:wafv2:us-east-1:42:global/webacl/edge/{Uuid}", "12-digit account");
        Add(Acl, "markup", f => f.WebAclArn = $"arn:aws:wafv2:us-east-1:{Account}:global/webacl/<x>/{Uuid}", "Markup");
        Add(Acl, "not an ARN", f => f.WebAclArn = "my-acl", "WAFv2 web ACL ARN");

        // Geo restriction
        const string Geo = nameof(DeploymentFormModel.GeoRestrictionCountries);
        Add(Geo, "allow without countries", f => (f.GeoRestriction, f.GeoRestrictionCountries) = (GeoRestrictionKind.Allow, ""), "at least one country");
        Add(Geo, "country name instead of code", f => (f.GeoRestriction, f.GeoRestrictionCountries) = (GeoRestrictionKind.Block, "Germany"), "'Germany'");
        Add(Geo, "countries without allow or block", f => f.GeoRestrictionCountries = "DE", "Choose allow or");
        Add(Geo, "markup", f => (f.GeoRestriction, f.GeoRestrictionCountries) = (GeoRestrictionKind.Allow, "<DE>"), "Markup");
        Add(Geo, "null byte", f => (f.GeoRestriction, f.GeoRestrictionCountries) = (GeoRestrictionKind.Allow, "DE\0"), "null byte");

        // Tags
        const string Tags = nameof(DeploymentFormModel.Tags);
        Add(Tags, "aws: prefix", f => f.Tags = "aws:owner=me", "reserved");
        Add(Tags, "AWS: prefix in upper case", f => f.Tags = "AWS:owner=me", "reserved");
        Add(Tags, "the portal's own prefix", f => f.Tags = "privateapiedge:step=x", "reserved");
        Add(Tags, "same key twice", f => f.Tags = "team=a\nteam=b", "twice");
        Add(Tags, "empty key", f => f.Tags = "=value", "key of 1-128");
        Add(Tags, "129-character key", f => f.Tags = new string('k', 129) + "=v", "key of 1-128");
        Add(Tags, "257-character value", f => f.Tags = "team=" + new string('v', 257), "at most 256");
        Add(Tags, "script in a value", f => f.Tags = "team=<script>alert(1)</script>", "Markup");
        Add(Tags, "quotes in a value", f => f.Tags = "team=\"payments\"", "tags allow");
        Add(Tags, "ampersand entity", f => f.Tags = "team=a&amp;b", "tags allow");
        Add(Tags, "null byte in a key", f => f.Tags = "te\0am=payments", "null byte");
        Add(Tags, "bidi override in a value", f => f.Tags = "team=pay\u202Ements", "right-to-left override");
        Add(Tags, "41 tags", f => f.Tags = string.Join('\n', Enumerable.Range(1, 41).Select(i => $"k{i}=v")), "At most 40 tags");

        // AWS account (role to assume)
        const string RoleArn = nameof(DeploymentFormModel.AssumeRoleArn);
        const string ExternalId = nameof(DeploymentFormModel.AssumeRoleExternalId);
        const string Role = $"arn:aws:iam::{Account}:role/deployer";
        Add(RoleArn, "an assumed-role session ARN", f => f.AssumeRoleArn = $"arn:aws:sts::{Account}:assumed-role/deployer/alice", "assumed-role session");
        Add(RoleArn, "a user instead of a role", f => f.AssumeRoleArn = $"arn:aws:iam::{Account}:user/alice", "is not a role");
        Add(RoleArn, "a region in an IAM ARN", f => f.AssumeRoleArn = $"arn:aws:iam:eu-west-1:{Account}:role/deployer", "no region");
        Add(RoleArn, "the China partition for eu-west-1", f => f.AssumeRoleArn = $"arn:aws-cn:iam::{Account}:role/deployer", "partition aws");
        Add(RoleArn, "a short account id", f => f.AssumeRoleArn = "arn:aws:iam::123:role/deployer", "12-digit account");
        Add(RoleArn, "markup", f => f.AssumeRoleArn = $"arn:aws:iam::{Account}:role/<script>", "Markup");
        Add(RoleArn, "a null byte", f => f.AssumeRoleArn = Role + "\0", "null byte");
        Add(ExternalId, "without a role", f => f.AssumeRoleExternalId = "tenant-42", "only used with a role");
        Add(ExternalId, "one character", f => (f.AssumeRoleArn, f.AssumeRoleExternalId) = (Role, "x"), "2 to 1224");
        Add(ExternalId, "a space", f => (f.AssumeRoleArn, f.AssumeRoleExternalId) = (Role, "tenant 42"), "2 to 1224");
        Add(ExternalId, "markup", f => (f.AssumeRoleArn, f.AssumeRoleExternalId) = (Role, "<b>tenant</b>"), "Markup");
        Add(ExternalId, "a null byte", f => (f.AssumeRoleArn, f.AssumeRoleExternalId) = (Role, "tenant\0"), "null byte");
        return cases;
    }
}
