namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>EC2 error codes that provisioning, teardown and preflight branch on.</summary>
public static class Ec2ErrorCodes
{
    /// <summary>A security group still referenced by a rule or an ENI (retry while ENIs drain).</summary>
    public const string DependencyViolation = "DependencyViolation";

    /// <summary>The rule already exists: an earlier attempt authorized it.</summary>
    public const string InvalidPermissionDuplicate = "InvalidPermission.Duplicate";

    public const string InvalidPermissionNotFound = "InvalidPermission.NotFound";
    public const string InvalidGroupNotFound = "InvalidGroup.NotFound";
    public const string InvalidGroupDuplicate = "InvalidGroup.Duplicate";
    public const string InvalidVpcEndpointIdNotFound = "InvalidVpcEndpointId.NotFound";
    public const string InvalidVpcIdNotFound = "InvalidVpcID.NotFound";
    public const string InvalidSubnetIdNotFound = "InvalidSubnetID.NotFound";
    public const string InvalidSecurityGroupRuleIdNotFound = "InvalidSecurityGroupRuleId.NotFound";
    public const string InvalidNetworkInterfaceIdNotFound = "InvalidNetworkInterfaceID.NotFound";

    /// <summary>DeleteVpcEndpoints reports an unknown endpoint with this code in its unsuccessful items.</summary>
    public const string InvalidVpcEndpointNotFound = "InvalidVpcEndpoint.NotFound";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
}
