namespace PrivateApiEdge.Sandbox.Seed;

/// <summary>
/// The demo account every sandbox starts with (and returns to on reset). Tests and the portal's form use these
/// constants; ids are fixed so they survive resets.
/// <list type="bullet">
/// <item>Account <see cref="AccountId"/>, default region <see cref="DefaultRegion"/>, domain <see cref="DemoDomain"/>.</item>
/// <item>The demo VPC (<see cref="VpcId"/>): DNS support and hostnames on, internet gateway attached, three private
/// subnets in three AZs, a default security group.</item>
/// <item>ACM certificates for <c>*.demo.example.com</c> (SAN <c>demo.example.com</c>) ISSUED in us-east-1
/// (<see cref="CloudFrontCertificateArn"/>) and in the region (<see cref="RegionalCertificateArn"/>).</item>
/// <item>The public hosted zone of the domain (<see cref="PublicHostedZoneId"/>).</item>
/// <item>The CloudFront origin-facing managed prefix list in eu-west-1 and us-east-1.</item>
/// <item>Preflight traps: a VPC without DNS hostnames, a VPC without an internet gateway, an EXPIRED
/// certificate, a certificate for another domain, a private hosted zone for the demo domain.</item>
/// </list>
/// </summary>
public static class SandboxSeed
{
    public const string AccountId = "111122223333";

    /// <summary>An account that is not ours: AssumeRole into it is denied.</summary>
    public const string OtherAccountId = "444455556666";

    public const string DefaultRegion = "eu-west-1";

    /// <summary>CloudFront's certificates live here, whatever the workload region.</summary>
    public const string CloudFrontRegion = "us-east-1";

    public const string DemoDomain = "demo.example.com";

    /// <summary>A name under the demo domain a deployment can use: <c>api.demo.example.com</c>.</summary>
    public const string DemoApiHostName = "api." + DemoDomain;

    public const string OtherDomain = "other.example.org";

    // The demo VPC.
    public const string VpcId = "vpc-0d3e000000000a001";
    public const string VpcCidr = "10.20.0.0/16";
    public const string InternetGatewayId = "igw-0d3e000000000c001";
    public const string DefaultSecurityGroupId = "sg-0d3e000000000d001";
    public const string SubnetAId = "subnet-0d3e000000000b001";
    public const string SubnetBId = "subnet-0d3e000000000b002";
    public const string SubnetCId = "subnet-0d3e000000000b003";
    public const string SubnetACidr = "10.20.1.0/24";
    public const string SubnetBCidr = "10.20.2.0/24";
    public const string SubnetCCidr = "10.20.3.0/24";
    public static readonly IReadOnlyList<string> SubnetIds = [SubnetAId, SubnetBId, SubnetCId];

    /// <summary>Id of the <paramref name="number"/>-th extra demo subnet (<see cref="SandboxOptions.ExtraDemoSubnets"/>).</summary>
    public static string ExtraSubnetId(int number) => $"subnet-0d3e00000000e{number:x4}";

    /// <summary>CIDR of the <paramref name="number"/>-th extra demo subnet: 10.20.(10 + n).0/24, in zone n mod 3.</summary>
    public static string ExtraSubnetCidr(int number) => $"10.20.{10 + number}.0/24";

    // Trap: DNS hostnames off (private DNS for the execute-api endpoint cannot be enabled). Has an IGW and two subnets.
    public const string VpcWithoutDnsHostnamesId = "vpc-0d3e000000000a002";
    public const string VpcWithoutDnsHostnamesCidr = "10.30.0.0/16";
    public const string VpcWithoutDnsHostnamesSubnetAId = "subnet-0d3e000000000b021";
    public const string VpcWithoutDnsHostnamesSubnetBId = "subnet-0d3e000000000b022";
    public const string VpcWithoutDnsHostnamesInternetGatewayId = "igw-0d3e000000000c002";

    // Trap: no internet gateway (a CloudFront VPC origin needs one). DNS attributes on, two subnets.
    public const string VpcWithoutInternetGatewayId = "vpc-0d3e000000000a003";
    public const string VpcWithoutInternetGatewayCidr = "10.40.0.0/16";
    public const string VpcWithoutInternetGatewaySubnetAId = "subnet-0d3e000000000b031";
    public const string VpcWithoutInternetGatewaySubnetBId = "subnet-0d3e000000000b032";

    /// <summary><c>*.demo.example.com</c>, ISSUED, us-east-1 (for CloudFront).</summary>
    public const string CloudFrontCertificateArn = "arn:aws:acm:us-east-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c001";

    /// <summary><c>*.demo.example.com</c>, ISSUED, eu-west-1 (for the ALB and the API Gateway domain).</summary>
    public const string RegionalCertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c002";

    /// <summary>Trap: <c>*.demo.example.com</c>, EXPIRED, eu-west-1.</summary>
    public const string ExpiredCertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c003";

    /// <summary>Trap: <c>*.other.example.org</c>, ISSUED, eu-west-1.</summary>
    public const string OtherDomainCertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c004";

    /// <summary>Trap: <c>*.other.example.org</c>, ISSUED, us-east-1.</summary>
    public const string OtherDomainCloudFrontCertificateArn = "arn:aws:acm:us-east-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c005";

    /// <summary>The public hosted zone of <see cref="DemoDomain"/> (bare id; the API also returns <c>/hostedzone/...</c>).</summary>
    public const string PublicHostedZoneId = "Z0D3E00000000000000A1";

    /// <summary>Trap: a private hosted zone for the same domain, associated with the demo VPC.</summary>
    public const string PrivateHostedZoneId = "Z0D3E00000000000000B2";

    public const string CloudFrontOriginFacingPrefixListName = "com.amazonaws.global.cloudfront.origin-facing";

    /// <summary>The origin-facing prefix list's id per region (AWS's real ids).</summary>
    public static readonly IReadOnlyDictionary<string, string> CloudFrontOriginFacingPrefixListIds = new Dictionary<string, string>
    {
        ["eu-west-1"] = "pl-4fa04526",
        ["us-east-1"] = "pl-3b927c52",
    };

    /// <summary>The hosted zone id of every CloudFront distribution, for alias records.</summary>
    public const string CloudFrontHostedZoneId = "Z2FDTNDATAQYW2";

    /// <summary>Availability zones (name, zone id) of a region; the sandbox gives every region three.</summary>
    public static IReadOnlyList<(string Name, string ZoneId)> AvailabilityZones(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var parts = region.Split('-');
        var prefix = parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : region.Replace("-", string.Empty, StringComparison.Ordinal);
        return [($"{region}a", $"{prefix}-az1"), ($"{region}b", $"{prefix}-az2"), ($"{region}c", $"{prefix}-az3")];
    }
}
