using System.Net;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;

namespace PrivateApiEdge.UnitTests.Aws.Ec2;

// The real AWSSDK.EC2 client marshals and signs; the harness records what it sent and answers with XML shaped
// as the ec2 model's output shapes. Both directions are checked against the model.
public sealed class Ec2ClientTests : IDisposable
{
    // The model's xmlNamespace (live EC2 answers add a trailing slash; the SDK reads either).
    private const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15";
    private static readonly AwsModel Model = AwsModel.Load("ec2");

    private readonly SdkAdapterHarness _harness = new();
    private readonly Guid _deploymentId = Guid.NewGuid();
    private readonly IEc2Client _client;

    public Ec2ClientTests()
    {
        _client = _harness.Factory.Create(new AwsSession("eu-west-1", DeploymentId: _deploymentId)).Ec2;
    }

    private RecordedRequest Sent => _harness.Transport.OnlyRequest;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task DescribeVpcs_asks_for_the_vpc_and_reads_it()
    {
        Answer("DescribeVpcs", "<vpcSet><item><vpcId>vpc-1</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault><ownerId>123456789012</ownerId><tagSet><item><key>Name</key><value>demo</value></item></tagSet></item></vpcSet>");

        var response = await _client.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-1"] }, TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("vpc-1", Sent.Form()["VpcId.1"]);
        Assert.Equal(new Vpc("vpc-1", "10.0.0.0/16", "available", false, "123456789012", [new Ec2Tag("Name", "demo")]), Assert.Single(response.Vpcs), new VpcComparer());
    }

    [Fact]
    public async Task DescribeVpcs_follows_NextToken_until_the_last_page()
    {
        Answer("DescribeVpcs", "<vpcSet><item><vpcId>vpc-1</vpcId></item></vpcSet><nextToken>t2</nextToken>");
        Answer("DescribeVpcs", "<vpcSet><item><vpcId>vpc-2</vpcId></item></vpcSet>");

        var response = await _client.DescribeVpcsAsync(new DescribeVpcsRequest(), TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(["vpc-1", "vpc-2"], response.Vpcs.Select(v => v.VpcId));
        Assert.Equal([null, "t2"], _harness.Transport.Requests.Select(r => r.Form().GetValueOrDefault("NextToken")));
    }

    [Theory]
    [InlineData(VpcAttributeNames.EnableDnsSupport, "enableDnsSupport")]
    [InlineData(VpcAttributeNames.EnableDnsHostnames, "enableDnsHostnames")]
    public async Task DescribeVpcAttribute_reads_the_requested_dns_attribute(string attribute, string element)
    {
        Answer("DescribeVpcAttribute", $"<vpcId>vpc-1</vpcId><{element}><value>true</value></{element}>");

        var response = await _client.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest("vpc-1", attribute), TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(attribute, Sent.Form()["Attribute"]);
        Assert.Equal("vpc-1", Sent.Form()["VpcId"]);
        Assert.True(attribute == VpcAttributeNames.EnableDnsSupport ? response.EnableDnsSupport : response.EnableDnsHostnames);
    }

    [Fact]
    public async Task DescribeSubnets_filters_by_vpc_and_reads_availability_zones()
    {
        Answer("DescribeSubnets", """
            <subnetSet>
              <item><subnetId>subnet-a</subnetId><vpcId>vpc-1</vpcId><availabilityZone>eu-west-1a</availabilityZone><availabilityZoneId>euw1-az1</availabilityZoneId><cidrBlock>10.0.1.0/24</cidrBlock><state>available</state><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch></item>
              <item><subnetId>subnet-b</subnetId><vpcId>vpc-1</vpcId><availabilityZone>eu-west-1b</availabilityZone><state>available</state></item>
            </subnetSet>
            """);

        var response = await _client.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Ec2Filter("vpc-id", "vpc-1")] }, TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(("vpc-id", "vpc-1"), (Sent.Form()["Filter.1.Name"], Sent.Form()["Filter.1.Value.1"]));
        Assert.Equal(["eu-west-1a", "eu-west-1b"], response.Subnets.Select(s => s.AvailabilityZone));
        Assert.Equal("euw1-az1", response.Subnets[0].AvailabilityZoneId);
    }

    [Fact]
    public async Task DescribeInternetGateways_filters_by_attachment_and_reads_it()
    {
        Answer("DescribeInternetGateways", "<internetGatewaySet><item><internetGatewayId>igw-1</internetGatewayId><attachmentSet><item><vpcId>vpc-1</vpcId><state>attached</state></item></attachmentSet></item></internetGatewaySet>");

        var response = await _client.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Ec2Filter("attachment.vpc-id", "vpc-1")] }, TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("attachment.vpc-id", Sent.Form()["Filter.1.Name"]);
        var gateway = Assert.Single(response.InternetGateways);
        Assert.Equal(new InternetGatewayAttachment("vpc-1", "attached"), Assert.Single(gateway.Attachments));
    }

    [Fact]
    public async Task CreateSecurityGroup_is_born_tagged_and_returns_the_group_id()
    {
        Answer("CreateSecurityGroup", "<groupId>sg-alb</groupId><securityGroupArn>arn:aws:ec2:eu-west-1:123456789012:security-group/sg-alb</securityGroupArn>");

        var response = await _client.CreateSecurityGroupAsync(
            new CreateSecurityGroupRequest { GroupName = "pae-1234-alb", Description = "ALB of deployment 1234", VpcId = "vpc-1", Tags = [new Ec2Tag("privateapiedge:deployment", "1234")] },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        var form = Sent.Form();
        Assert.Equal(("pae-1234-alb", "ALB of deployment 1234", "vpc-1"), (form["GroupName"], form["GroupDescription"], form["VpcId"]));
        Assert.Equal("security-group", form["TagSpecification.1.ResourceType"]);
        Assert.Equal(("privateapiedge:deployment", "1234"), (form["TagSpecification.1.Tag.1.Key"], form["TagSpecification.1.Tag.1.Value"]));
        Assert.Equal("sg-alb", response.GroupId);
    }

    [Fact]
    public async Task DescribeSecurityGroups_filters_by_name_vpc_and_tag_and_reads_rules()
    {
        Answer("DescribeSecurityGroups", """
            <securityGroupInfo><item>
              <ownerId>123456789012</ownerId><groupId>sg-cf</groupId><groupName>CloudFront-VPCOrigins-Service-SG</groupName><groupDescription>managed</groupDescription><vpcId>vpc-1</vpcId>
              <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><prefixListIds><item><prefixListId>pl-cf</prefixListId></item></prefixListIds></item></ipPermissions>
              <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>
            </item></securityGroupInfo>
            """);

        var response = await _client.DescribeSecurityGroupsAsync(
            new DescribeSecurityGroupsRequest { Filters = [new Ec2Filter("group-name", "CloudFront-VPCOrigins-Service-SG"), new Ec2Filter("vpc-id", "vpc-1"), Ec2Filter.Tag("privateapiedge:deployment", "1234")] },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(["group-name", "vpc-id", "tag:privateapiedge:deployment"], [Sent.Form()["Filter.1.Name"], Sent.Form()["Filter.2.Name"], Sent.Form()["Filter.3.Name"]]);
        var group = Assert.Single(response.SecurityGroups);
        Assert.Equal(("sg-cf", "managed"), (group.GroupId, group.Description));
        Assert.Equal("pl-cf", Assert.Single(Assert.Single(group.IpPermissions).PrefixListIds).Id);
        Assert.Equal("0.0.0.0/0", Assert.Single(Assert.Single(group.IpPermissionsEgress).IpRanges).CidrIp);
    }

    [Fact]
    public async Task DeleteSecurityGroup_deletes_by_id()
    {
        Answer("DeleteSecurityGroup", "<return>true</return><groupId>sg-alb</groupId>");

        await _client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest("sg-alb"), TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("sg-alb", Sent.Form()["GroupId"]);
    }

    [Fact]
    public async Task AuthorizeSecurityGroupIngress_from_a_group_returns_the_new_rule_id()
    {
        Answer("AuthorizeSecurityGroupIngress", "<return>true</return><securityGroupRuleSet><item><securityGroupRuleId>sgr-1</securityGroupRuleId><groupId>sg-endpoint</groupId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><referencedGroupInfo><groupId>sg-alb</groupId></referencedGroupInfo></item></securityGroupRuleSet>");

        var response = await _client.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest("sg-endpoint", [IpPermission.TcpFromGroup(443, "sg-alb", "from the ALB")]),
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        var form = Sent.Form();
        Assert.Equal(("tcp", "443", "443"), (form["IpPermissions.1.IpProtocol"], form["IpPermissions.1.FromPort"], form["IpPermissions.1.ToPort"]));
        Assert.Equal("sg-alb", form["IpPermissions.1.Groups.1.GroupId"]);
        Assert.True(response.Return);
        Assert.Equal(new SecurityGroupRule("sgr-1", "sg-endpoint", false, "tcp", 443, 443, null, null, "sg-alb"), Assert.Single(response.SecurityGroupRules));
    }

    [Fact]
    public async Task AuthorizeSecurityGroupIngress_from_a_prefix_list_sends_its_id()
    {
        Answer("AuthorizeSecurityGroupIngress", "<return>true</return><securityGroupRuleSet><item><securityGroupRuleId>sgr-2</securityGroupRuleId><groupId>sg-cf</groupId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><prefixListId>pl-cf</prefixListId></item></securityGroupRuleSet>");

        var response = await _client.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest("sg-cf", [IpPermission.TcpFromPrefixList(443, "pl-cf")]),
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("pl-cf", Sent.Form()["IpPermissions.1.PrefixListIds.1.PrefixListId"]);
        Assert.Equal("pl-cf", Assert.Single(response.SecurityGroupRules).PrefixListId);
    }

    [Fact]
    public async Task AuthorizeSecurityGroupEgress_sends_cidr_ranges_and_groups()
    {
        Answer("AuthorizeSecurityGroupEgress", "<return>true</return><securityGroupRuleSet><item><securityGroupRuleId>sgr-3</securityGroupRuleId><groupId>sg-alb</groupId><isEgress>true</isEgress><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><cidrIpv4>10.0.0.0/16</cidrIpv4></item></securityGroupRuleSet>");

        var response = await _client.AuthorizeSecurityGroupEgressAsync(
            new AuthorizeSecurityGroupEgressRequest("sg-alb", [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, IpRanges = [new IpRange("10.0.0.0/16", "VPC")] }]),
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(("10.0.0.0/16", "VPC"), (Sent.Form()["IpPermissions.1.IpRanges.1.CidrIp"], Sent.Form()["IpPermissions.1.IpRanges.1.Description"]));
        var rule = Assert.Single(response.SecurityGroupRules);
        Assert.True(rule.IsEgress);
        Assert.Equal("10.0.0.0/16", rule.CidrIpv4);
    }

    [Fact]
    public async Task RevokeSecurityGroupIngress_by_rule_id_reports_what_was_revoked()
    {
        Answer("RevokeSecurityGroupIngress", "<return>true</return><revokedSecurityGroupRuleSet><item><securityGroupRuleId>sgr-1</securityGroupRuleId><groupId>sg-alb</groupId><isEgress>false</isEgress></item></revokedSecurityGroupRuleSet>");

        var response = await _client.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = "sg-alb", SecurityGroupRuleIds = ["sgr-1"] }, TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("sgr-1", Sent.Form()["SecurityGroupRuleId.1"]);
        Assert.False(Sent.Form().ContainsKey("IpPermissions.1.IpProtocol"));
        Assert.Equal(["sgr-1"], response.RevokedSecurityGroupRuleIds);
    }

    [Fact]
    public async Task RevokeSecurityGroupEgress_by_permission_reports_unknown_permissions()
    {
        Answer("RevokeSecurityGroupEgress", "<return>false</return><unknownIpPermissionSet><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups><item><groupId>sg-endpoint</groupId></item></groups></item></unknownIpPermissionSet>");

        var response = await _client.RevokeSecurityGroupEgressAsync(
            new RevokeSecurityGroupEgressRequest { GroupId = "sg-alb", IpPermissions = [IpPermission.TcpFromGroup(443, "sg-endpoint")] },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("sg-endpoint", Sent.Form()["IpPermissions.1.Groups.1.GroupId"]);
        Assert.False(response.Return);
        Assert.Equal("sg-endpoint", Assert.Single(Assert.Single(response.UnknownIpPermissions).UserIdGroupPairs).GroupId);
    }

    [Fact]
    public async Task DescribeManagedPrefixLists_filters_by_name()
    {
        Answer("DescribeManagedPrefixLists", "<prefixListSet><item><prefixListId>pl-cf</prefixListId><addressFamily>IPv4</addressFamily><state>create-complete</state><prefixListName>com.amazonaws.global.cloudfront.origin-facing</prefixListName><maxEntries>55</maxEntries><ownerId>AWS</ownerId></item></prefixListSet>");

        var response = await _client.DescribeManagedPrefixListsAsync(
            new DescribeManagedPrefixListsRequest { Filters = [new Ec2Filter("prefix-list-name", "com.amazonaws.global.cloudfront.origin-facing")] },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal("prefix-list-name", Sent.Form()["Filter.1.Name"]);
        Assert.Equal(new ManagedPrefixList("pl-cf", "com.amazonaws.global.cloudfront.origin-facing", "create-complete", "IPv4", 55, "AWS"), Assert.Single(response.PrefixLists));
    }

    [Fact]
    public async Task CreateVpcEndpoint_sends_an_execute_api_interface_endpoint_with_private_dns_and_a_client_token()
    {
        Answer("CreateVpcEndpoint", $"<vpcEndpoint>{EndpointXml("Pending")}</vpcEndpoint><clientToken>pae-1234-vpc-endpoint</clientToken>");

        var response = await _client.CreateVpcEndpointAsync(
            new CreateVpcEndpointRequest
            {
                VpcId = "vpc-1",
                ServiceName = "com.amazonaws.eu-west-1.execute-api",
                SubnetIds = ["subnet-a", "subnet-b"],
                SecurityGroupIds = ["sg-endpoint"],
                PrivateDnsEnabled = true,
                ClientToken = "pae-1234-vpc-endpoint",
                Tags = [new Ec2Tag("privateapiedge:deployment", "1234")],
            },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        var form = Sent.Form();
        Assert.Equal(("Interface", "com.amazonaws.eu-west-1.execute-api", "vpc-1"), (form["VpcEndpointType"], form["ServiceName"], form["VpcId"]));
        Assert.Equal(("subnet-a", "subnet-b", "sg-endpoint"), (form["SubnetId.1"], form["SubnetId.2"], form["SecurityGroupId.1"]));
        Assert.Equal(("true", "pae-1234-vpc-endpoint"), (form["PrivateDnsEnabled"], form["ClientToken"]));
        Assert.Equal("vpc-endpoint", form["TagSpecification.1.ResourceType"]);
        Assert.Equal(("vpce-1", "Pending"), (response.VpcEndpoint.VpcEndpointId, response.VpcEndpoint.State));
        Assert.False(response.VpcEndpoint.IsAvailable);
        Assert.Equal("pae-1234-vpc-endpoint", response.ClientToken);
    }

    [Fact]
    public async Task DescribeVpcEndpoints_filters_by_vpc_and_service_and_reads_interfaces_and_dns()
    {
        Answer("DescribeVpcEndpoints", $"<vpcEndpointSet><item>{EndpointXml("Available")}</item></vpcEndpointSet>");

        var response = await _client.DescribeVpcEndpointsAsync(
            new DescribeVpcEndpointsRequest { Filters = [new Ec2Filter("vpc-id", "vpc-1"), new Ec2Filter("service-name", "com.amazonaws.eu-west-1.execute-api")] },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(("vpc-id", "service-name"), (Sent.Form()["Filter.1.Name"], Sent.Form()["Filter.2.Name"]));
        var endpoint = Assert.Single(response.VpcEndpoints);
        Assert.True(endpoint.IsAvailable);
        Assert.True(endpoint.PrivateDnsEnabled);
        Assert.Equal(["eni-a", "eni-b"], endpoint.NetworkInterfaceIds);
        Assert.Equal(["subnet-a", "subnet-b"], endpoint.SubnetIds);
        Assert.Equal(["sg-endpoint"], endpoint.SecurityGroupIds);
        Assert.Equal("vpce-1-abc.execute-api.eu-west-1.vpce.amazonaws.com", endpoint.DnsEntries[0].DnsName);
        Assert.Equal([new Ec2Tag("privateapiedge:deployment", "1234")], endpoint.Tags);
    }

    [Fact]
    public async Task DeleteVpcEndpoints_reports_endpoints_that_could_not_be_deleted()
    {
        Answer("DeleteVpcEndpoints", "<unsuccessful><item><error><code>InvalidVpcEndpoint.NotFound</code><message>The Vpc Endpoint Id 'vpce-2' does not exist</message></error><resourceId>vpce-2</resourceId></item></unsuccessful>");

        var response = await _client.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest(["vpce-1", "vpce-2"]), TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(("vpce-1", "vpce-2"), (Sent.Form()["VpcEndpointId.1"], Sent.Form()["VpcEndpointId.2"]));
        Assert.Equal(new UnsuccessfulItem("vpce-2", "InvalidVpcEndpoint.NotFound", "The Vpc Endpoint Id 'vpce-2' does not exist"), Assert.Single(response.Unsuccessful));
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_reads_the_private_ips_of_the_endpoint_interfaces()
    {
        Answer("DescribeNetworkInterfaces", """
            <networkInterfaceSet>
              <item><networkInterfaceId>eni-a</networkInterfaceId><subnetId>subnet-a</subnetId><vpcId>vpc-1</vpcId><availabilityZone>eu-west-1a</availabilityZone><status>in-use</status><interfaceType>vpc_endpoint</interfaceType><privateIpAddress>10.0.1.15</privateIpAddress><privateIpAddressesSet><item><privateIpAddress>10.0.1.15</privateIpAddress><primary>true</primary></item></privateIpAddressesSet><groupSet><item><groupId>sg-endpoint</groupId></item></groupSet></item>
              <item><networkInterfaceId>eni-b</networkInterfaceId><subnetId>subnet-b</subnetId><privateIpAddress>10.0.2.27</privateIpAddress></item>
            </networkInterfaceSet>
            """);

        var response = await _client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = ["eni-a", "eni-b"] }, TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(("eni-a", "eni-b"), (Sent.Form()["NetworkInterfaceId.1"], Sent.Form()["NetworkInterfaceId.2"]));
        Assert.Equal(["10.0.1.15", "10.0.2.27"], response.NetworkInterfaces.Select(n => n.PrivateIpAddress));
        Assert.Equal(("vpc_endpoint", "in-use"), (response.NetworkInterfaces[0].InterfaceType, response.NetworkInterfaces[0].Status));
        Assert.Equal(["sg-endpoint"], response.NetworkInterfaces[0].SecurityGroupIds);
    }

    [Fact]
    public async Task CreateTags_tags_the_resources()
    {
        Answer("CreateTags", "");

        await _client.CreateTagsAsync(new CreateTagsRequest(["sg-alb", "vpce-1"], [new Ec2Tag("privateapiedge:step", "security-groups")]), TestContext.Current.CancellationToken);

        AssertSentConforms();
        var form = Sent.Form();
        Assert.Equal(("sg-alb", "vpce-1"), (form["ResourceId.1"], form["ResourceId.2"]));
        Assert.Equal(("privateapiedge:step", "security-groups"), (form["Tag.1.Key"], form["Tag.1.Value"]));
    }

    [Theory]
    [InlineData(Ec2ErrorCodes.DependencyViolation, "resource sg-alb has a dependent object")]
    [InlineData(Ec2ErrorCodes.InvalidPermissionDuplicate, "the specified rule \"peer: sg-alb, TCP, from port: 443, to port: 443, ALLOW\" already exists")]
    [InlineData(Ec2ErrorCodes.InvalidGroupNotFound, "The security group 'sg-alb' does not exist")]
    [InlineData(Ec2ErrorCodes.InvalidVpcEndpointIdNotFound, "The VpcEndpoint Id 'vpce-1' does not exist")]
    [InlineData(Ec2ErrorCodes.InvalidVpcIdNotFound, "The vpc ID 'vpc-9' does not exist")]
    public async Task An_error_answer_becomes_AwsApiException_with_the_ec2_code_and_is_metered(string code, string message)
    {
        _harness.Transport.Respond(HttpStatusCode.BadRequest, Error(code, message));

        var exception = await Assert.ThrowsAsync<AwsApiException>(() =>
            _client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest("sg-alb"), TestContext.Current.CancellationToken));

        AssertSentConforms();
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(message, exception.AwsMessage);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("59dbff89-35bd-4eac-99ed-be587EXAMPLE", exception.RequestId);
        Assert.Equal(("ec2", "DeleteSecurityGroup"), (exception.Service, exception.Operation));
        var call = Assert.Single(_harness.Meter.GetSnapshot(_deploymentId).RecentCalls);
        Assert.Equal(("DeleteSecurityGroup", (int?)400, code), (call.Operation, call.HttpStatus, call.ErrorCode));
    }

    [Fact]
    public async Task RequestLimitExceeded_surfaces_as_AwsApiException_once_the_sdk_stops_retrying()
    {
        _harness.Transport.Respond(HttpStatusCode.ServiceUnavailable, Error("RequestLimitExceeded", "Request limit exceeded."));

        var exception = await Assert.ThrowsAsync<AwsApiException>(() =>
            _client.DescribeVpcsAsync(new DescribeVpcsRequest(), TestContext.Current.CancellationToken));

        AssertSentConforms();
        Assert.Equal(Ec2ErrorCodes.RequestLimitExceeded, exception.ErrorCode);
        Assert.True(_harness.Transport.Requests.Count > 1, "the SDK retries throttling before giving up");
    }

    [Fact]
    public async Task Calls_go_to_the_resolved_endpoint_signed_as_ec2_in_the_session_region_and_are_metered()
    {
        Answer("DescribeVpcs", "<vpcSet/>");

        await _client.DescribeVpcsAsync(new DescribeVpcsRequest(), TestContext.Current.CancellationToken);

        Assert.Equal("ec2.eu-west-1.amazonaws.com", Sent.Message.RequestUri!.Host);
        Assert.Contains("AKIDEXAMPLE/", Sent.Authorization(), StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/ec2/aws4_request", Sent.Authorization(), StringComparison.Ordinal);
        var call = Assert.Single(_harness.Meter.GetSnapshot(_deploymentId).RecentCalls);
        Assert.Equal(("ec2", "DescribeVpcs", (int?)200), (call.Service, call.Operation, call.HttpStatus));
    }

    [Fact]
    public async Task A_configured_endpoint_such_as_the_sandbox_becomes_the_sdk_service_url()
    {
        using var harness = new SdkAdapterHarness(new Dictionary<string, string> { ["Ec2"] = "http://127.0.0.1:4566/" });
        var client = harness.Factory.Create(new AwsSession("ap-southeast-2")).Ec2;
        harness.Transport.Respond(HttpStatusCode.OK, Response("DescribeVpcs", "<vpcSet/>"));

        await client.DescribeVpcsAsync(new DescribeVpcsRequest(), TestContext.Current.CancellationToken);

        var sent = harness.Transport.OnlyRequest;
        Assert.Equal("http://127.0.0.1:4566/", sent.Message.RequestUri!.GetLeftPart(UriPartial.Authority) + "/");
        Assert.Contains("/ap-southeast-2/ec2/aws4_request", sent.Authorization(), StringComparison.Ordinal);
    }

    // EC2 refuses any request carrying an empty list ("VpcId=", "Filter=") with 400 InvalidRequest: its query
    // protocol never serialises empty lists (smithy-lang/smithy#2269, aws-sdk-js-v3#6119). Every operation the portal
    // calls, with every list it can leave unset left unset, must put no empty parameter on the wire.
    [Fact]
    public async Task Every_operation_with_its_lists_left_unset_puts_no_empty_parameter_on_the_wire()
    {
        var ct = TestContext.Current.CancellationToken;
        _harness.Transport.Respond(request => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(
                FormOf(request)["Action"] is var action && action == "CreateVpcEndpoint"
                    ? Response(action, "<vpcEndpoint><vpcEndpointId>vpce-1</vpcEndpointId></vpcEndpoint>")
                    : Response(action, string.Empty),
                System.Text.Encoding.UTF8,
                "text/xml"),
        });

        await _client.DescribeVpcsAsync(new DescribeVpcsRequest(), ct);
        await _client.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Ec2Filter("vpc-id", [])] }, ct);
        await _client.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest("vpc-1", VpcAttributeNames.EnableDnsSupport), ct);
        await _client.DescribeSubnetsAsync(new DescribeSubnetsRequest(), ct);
        await _client.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest(), ct);
        await _client.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "g", Description = "d", VpcId = "vpc-1" }, ct);
        await _client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(), ct);
        await _client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest("sg-1"), ct);
        await _client.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest("sg-1", [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443 }]), ct);
        await _client.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest("sg-1", []), ct);
        await _client.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = "sg-1", SecurityGroupRuleIds = ["sgr-1"] }, ct);
        await _client.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = "sg-1", IpPermissions = [new IpPermission { IpProtocol = "-1" }] }, ct);
        await _client.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest(), ct);
        await _client.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = "vpc-1", ServiceName = "com.amazonaws.eu-west-1.execute-api" }, ct);
        await _client.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest(), ct);
        await _client.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest([]), ct);
        await _client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest(), ct);
        await _client.CreateTagsAsync(new CreateTagsRequest(["sg-1"], []), ct);

        var empty = _harness.Transport.Requests
            .SelectMany(r => r.Form().Where(p => p.Value.Length == 0).Select(p => $"{r.Form()["Action"]}: {p.Key}="))
            .ToList();
        Assert.True(empty.Count == 0, "empty parameters on the wire: " + string.Join(", ", empty));
        Assert.Equal(IEc2ClientOperationCount, _harness.Transport.Requests.Select(r => r.Form()["Action"]).Distinct().Count());
    }

    // IEc2Client's operations, so a new one cannot skip the test above unnoticed.
    private static readonly int IEc2ClientOperationCount = typeof(IEc2Client).GetMethods().Length;

    private static Dictionary<string, string> FormOf(HttpRequestMessage request) =>
        System.Web.HttpUtility.ParseQueryString(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()) is var form
            ? form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k] ?? string.Empty)
            : [];

    private static string EndpointXml(string state) => $"""
        <vpcEndpointId>vpce-1</vpcEndpointId><vpcEndpointType>Interface</vpcEndpointType><vpcId>vpc-1</vpcId>
        <serviceName>com.amazonaws.eu-west-1.execute-api</serviceName><state>{state}</state>
        <subnetIdSet><item>subnet-a</item><item>subnet-b</item></subnetIdSet>
        <groupSet><item><groupId>sg-endpoint</groupId><groupName>pae-1234-endpoint</groupName></item></groupSet>
        <privateDnsEnabled>true</privateDnsEnabled>
        <networkInterfaceIdSet><item>eni-a</item><item>eni-b</item></networkInterfaceIdSet>
        <dnsEntrySet><item><dnsName>vpce-1-abc.execute-api.eu-west-1.vpce.amazonaws.com</dnsName><hostedZoneId>Z2DJS3F6EXAMPLE</hostedZoneId></item></dnsEntrySet>
        <tagSet><item><key>privateapiedge:deployment</key><value>1234</value></item></tagSet>
        <ownerId>123456789012</ownerId>
        """;

    private static string Response(string operation, string inner) =>
        $"""<{operation}Response xmlns="{Namespace}"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>{inner}</{operation}Response>""";

    private static string Error(string code, string message) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>59dbff89-35bd-4eac-99ed-be587EXAMPLE</RequestID></Response>""";

    /// <summary>Queues a success answer after checking it against the operation's output shape.</summary>
    private void Answer(string operation, string inner)
    {
        var xml = Response(operation, inner);
        Model.Operation(operation).AssertResponseConforms(xml);
        _harness.Transport.Respond(HttpStatusCode.OK, xml);
    }

    private void AssertSentConforms()
    {
        Assert.NotEmpty(_harness.Transport.Requests);
        foreach (var request in _harness.Transport.Requests)
        {
            Model.Operation(request.Form()["Action"]).AssertRequestConforms(request.Message, request.Body);
        }
    }

    // Records hold lists, which compare by reference; compare VPCs by value.
    private sealed class VpcComparer : IEqualityComparer<Vpc>
    {
        public bool Equals(Vpc? x, Vpc? y) =>
            x is not null && y is not null
            && (x.VpcId, x.CidrBlock, x.State, x.IsDefault, x.OwnerId) == (y.VpcId, y.CidrBlock, y.State, y.IsDefault, y.OwnerId)
            && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(Vpc obj) => obj.VpcId.GetHashCode(StringComparison.Ordinal);
    }
}
