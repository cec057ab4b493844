using PrivateApiEdge.Sandbox.Services.CertificateManager;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// What the edge services (ELBv2, CloudFront, API Gateway) and the data path need from the rest of the sandbox:
/// EC2 networking, ACM certificates and Route 53 records, as plain views. <see cref="WorldEdgeNetwork"/> reads them
/// from the world; the security-group and target-health rules are written against this seam only.
/// </summary>
public interface IEdgeNetwork
{
    /// <summary>The sandbox account every resource belongs to.</summary>
    string AccountId { get; }

    SubnetView? FindSubnet(string region, string subnetId);

    SecurityGroupView? FindSecurityGroup(string region, string groupId);

    /// <summary>Creates an ENI (AWS-managed, e.g. an ALB node) so security groups in use cannot be deleted.</summary>
    NetworkInterfaceView AllocateNetworkInterface(
        string region, string subnetId, IReadOnlyList<string> securityGroupIds, string description, string requesterId, string ownerResourceId);

    void ReleaseNetworkInterface(string region, string networkInterfaceId);

    /// <summary>The VPC endpoint owning an ENI with this private IP, if any.</summary>
    VpcEndpointView? FindVpcEndpointByPrivateIp(string region, string privateIp);

    /// <summary>Creates <c>CloudFront-VPCOrigins-Service-SG</c> in the VPC unless it exists; returns its id.</summary>
    string EnsureCloudFrontServiceSecurityGroup(string region, string vpcId);

    /// <summary>
    /// Deletes <c>CloudFront-VPCOrigins-Service-SG</c> from the VPC if it exists and EC2 allows it; a group another
    /// group's rule still references stays (EC2's <c>DependencyViolation</c>), marked with that error.
    /// </summary>
    void RemoveCloudFrontServiceSecurityGroup(string region, string vpcId);

    /// <summary>The id of the CloudFront service security group in the VPC, if CloudFront created one.</summary>
    string? FindCloudFrontServiceSecurityGroup(string region, string vpcId);

    string? FindPrefixListId(string region, string prefixListName);

    CertificateView? FindCertificate(string certificateArn);

    /// <summary>The alias target of the A record for <paramref name="hostName"/> in the public zones, if any.</summary>
    AliasRecordView? FindAliasRecord(string hostName);
}

public sealed record SubnetView(string SubnetId, string VpcId, string AvailabilityZone, string CidrBlock);

public sealed record SecurityGroupView(
    string GroupId,
    string GroupName,
    string VpcId,
    IReadOnlyList<SecurityGroupRuleView> Ingress,
    IReadOnlyList<SecurityGroupRuleView> Egress);

/// <summary>One permission; <see cref="IpProtocol"/> "-1" means all traffic, ports are then ignored.</summary>
public sealed record SecurityGroupRuleView(
    string IpProtocol,
    int? FromPort,
    int? ToPort,
    IReadOnlyList<string> CidrBlocks,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<string> PrefixListIds)
{
    public bool CoversTcpPort(int port) =>
        IpProtocol == "-1"
        || ((IpProtocol == "tcp" || IpProtocol == "6") && (FromPort ?? 0) <= port && port <= (ToPort ?? 65535));
}

public sealed record NetworkInterfaceView(string NetworkInterfaceId, string PrivateIpAddress, string SubnetId);

public sealed record VpcEndpointView(
    string VpcEndpointId,
    string VpcId,
    string ServiceName,
    string State,
    IReadOnlyList<string> SecurityGroupIds,
    IReadOnlyList<string> PrivateIpAddresses);

public sealed record CertificateView(
    string CertificateArn,
    string Region,
    string Status,
    string DomainName,
    IReadOnlyList<string> SubjectAlternativeNames)
{
    /// <summary>True when the certificate's name or a SAN matches the host (one wildcard label allowed).</summary>
    public bool Covers(string hostName) =>
        SubjectAlternativeNames.Append(DomainName).Any(name => AcmCertificate.NameMatches(name, hostName));
}

public sealed record AliasRecordView(string Name, string Type, string AliasTargetDnsName, string AliasTargetHostedZoneId);
