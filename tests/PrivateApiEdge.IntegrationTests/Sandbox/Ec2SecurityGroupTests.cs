using Amazon.EC2;
using Amazon.EC2.Model;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class Ec2SecurityGroupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateSecurityGroup_tags_the_group_and_gives_it_the_default_egress_rule()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var created = await CreateGroupAsync(ec2, "alb-sg", ("privateapiedge:deployment", "d-1"));

        var described = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [created.GroupId] }, Ct);
        var group = Assert.Single(described.SecurityGroups);
        Assert.Equal("alb-sg", group.GroupName);
        Assert.Equal(SandboxSeed.VpcId, group.VpcId);
        Assert.Contains(group.Tags, t => t.Key == "privateapiedge:deployment" && t.Value == "d-1");
        var egress = Assert.Single(group.IpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Equal("0.0.0.0/0", Assert.Single(egress.Ipv4Ranges).CidrIp);
        Assert.Empty(group.IpPermissions ?? []);
    }

    [Fact]
    public async Task DescribeSecurityGroups_filters_by_name_vpc_id_and_tags()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var tagged = await CreateGroupAsync(ec2, "tagged", ("team", "edge"));
        await CreateGroupAsync(ec2, "untagged");

        async Task<List<string>> IdsAsync(params Filter[] filters) =>
            [.. ((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [.. filters] }, Ct)).SecurityGroups ?? []).Select(g => g.GroupId)];

        Assert.Equal([tagged.GroupId], await IdsAsync(new Filter("group-name", ["tagged"]), new Filter("vpc-id", [SandboxSeed.VpcId])));
        Assert.Equal([tagged.GroupId], await IdsAsync(new Filter("tag:team", ["edge"])));
        Assert.Equal([tagged.GroupId], await IdsAsync(new Filter("tag-key", ["team"])));
        Assert.Equal([tagged.GroupId], await IdsAsync(new Filter("group-id", [tagged.GroupId])));
        Assert.Empty(await IdsAsync(new Filter("tag:team", ["other"])));
    }

    [Fact]
    public async Task A_duplicate_group_name_in_the_vpc_is_InvalidGroup_Duplicate()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        await CreateGroupAsync(ec2, "twice");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CreateGroupAsync(ec2, "twice"));

        Assert.Equal("InvalidGroup.Duplicate", error.ErrorCode);
    }

    [Fact]
    public async Task Authorizing_the_same_rule_twice_is_InvalidPermission_Duplicate_and_revoking_a_missing_rule_is_InvalidPermission_NotFound()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var alb = await CreateGroupAsync(ec2, "alb");
        var endpoint = await CreateGroupAsync(ec2, "endpoint");
        var fromAlb = Https(new UserIdGroupPair { GroupId = alb.GroupId });

        var authorized = await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = endpoint.GroupId, IpPermissions = [fromAlb] }, Ct);
        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = endpoint.GroupId, IpPermissions = [Https(new UserIdGroupPair { GroupId = alb.GroupId })] }, Ct));

        var rule = Assert.Single(authorized.SecurityGroupRules);
        Assert.Equal(alb.GroupId, rule.ReferencedGroupInfo.GroupId);
        Assert.Equal(443, rule.FromPort);
        Assert.Equal("InvalidPermission.Duplicate", duplicate.ErrorCode);
        Assert.Contains($"peer: {alb.GroupId}, TCP, from port: 443, to port: 443, ALLOW", duplicate.Message, StringComparison.Ordinal);

        await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = endpoint.GroupId, IpPermissions = [Https(new UserIdGroupPair { GroupId = alb.GroupId })] }, Ct);
        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = endpoint.GroupId, IpPermissions = [Https(new UserIdGroupPair { GroupId = alb.GroupId })] }, Ct));
        Assert.Equal("InvalidPermission.NotFound", missing.ErrorCode);
    }

    [Fact]
    public async Task Ingress_from_a_prefix_list_and_egress_to_a_group_show_in_DescribeSecurityGroups_and_DescribeSecurityGroupRules()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var alb = await CreateGroupAsync(ec2, "alb");
        var endpoint = await CreateGroupAsync(ec2, "endpoint");
        var prefixList = SandboxSeed.CloudFrontOriginFacingPrefixListIds[SandboxSeed.DefaultRegion];

        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = alb.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new PrefixListId { Id = prefixList, Description = "cloudfront" }] }],
        }, Ct);
        await ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = alb.GroupId,
            IpPermissions = [Https(new UserIdGroupPair { GroupId = endpoint.GroupId })],
        }, Ct);

        var group = Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [alb.GroupId] }, Ct)).SecurityGroups);
        Assert.Equal(prefixList, Assert.Single(Assert.Single(group.IpPermissions).PrefixListIds).Id);
        Assert.Contains(group.IpPermissionsEgress, p => p.UserIdGroupPairs?.Any(g => g.GroupId == endpoint.GroupId) == true);

        var rules = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", [alb.GroupId])],
        }, Ct);
        Assert.Equal(3, rules.SecurityGroupRules.Count);
        Assert.Contains(rules.SecurityGroupRules, r => r.PrefixListId == prefixList && r.IsEgress == false && r.Description == "cloudfront");
        Assert.Contains(rules.SecurityGroupRules, r => r.ReferencedGroupInfo?.GroupId == endpoint.GroupId && r.IsEgress == true);
    }

    [Fact]
    public async Task A_group_referenced_by_another_groups_rule_cannot_be_deleted_until_the_rule_is_revoked()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var alb = await CreateGroupAsync(ec2, "alb");
        var endpoint = await CreateGroupAsync(ec2, "endpoint");
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = endpoint.GroupId, IpPermissions = [Https(new UserIdGroupPair { GroupId = alb.GroupId })] }, Ct);

        var violation = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = alb.GroupId }, Ct));
        Assert.Equal("DependencyViolation", violation.ErrorCode);
        Assert.Equal($"resource {alb.GroupId} has a dependent object", violation.Message);

        await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = endpoint.GroupId, IpPermissions = [Https(new UserIdGroupPair { GroupId = alb.GroupId })] }, Ct);
        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = alb.GroupId }, Ct);

        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = alb.GroupId }, Ct));
        Assert.Equal("InvalidGroup.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task CreateTags_and_DeleteTags_change_a_groups_tags()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var group = await CreateGroupAsync(ec2, "tags");

        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [group.GroupId], Tags = [new Tag("a", "1"), new Tag("b", "2")] }, Ct);
        await ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [group.GroupId], Tags = [new Tag { Key = "a" }] }, Ct);

        var described = Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group.GroupId] }, Ct)).SecurityGroups);
        Assert.Equal([("b", "2")], described.Tags.Select(t => (t.Key, t.Value)));
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["sg-0000000000000dead"], Tags = [new Tag("a", "1")] }, Ct));
        Assert.Equal("InvalidGroup.NotFound", unknown.ErrorCode);
    }

    [Fact]
    public async Task Rules_carry_the_tags_given_at_authorization_and_CreateTags_on_a_rule_id()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var group = await CreateGroupAsync(ec2, "tagged-rules");

        var authorized = await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroupRule, Tags = [new Tag("privateapiedge:step", "origin-security")] }],
        }, Ct);
        var ruleId = Assert.Single(authorized.SecurityGroupRules).SecurityGroupRuleId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [ruleId], Tags = [new Tag("extra", "yes")] }, Ct);

        var rules = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("tag:privateapiedge:step", ["origin-security"])],
        }, Ct);

        var rule = Assert.Single(rules.SecurityGroupRules);
        Assert.Equal(ruleId, rule.SecurityGroupRuleId);
        Assert.Equal(["extra", "privateapiedge:step"], rule.Tags.Select(t => t.Key).Order());
    }

    [Fact]
    public async Task DescribeSecurityGroups_pages_with_MaxResults_and_NextToken()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        for (var i = 0; i < 7; i++)
        {
            await CreateGroupAsync(ec2, $"paged-{i}", ("paging", "yes"));
        }

        var names = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                Filters = [new Filter("tag:paging", ["yes"])],
                MaxResults = 5,
                NextToken = token,
            }, Ct);
            names.AddRange(page.SecurityGroups.Select(g => g.GroupName));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(2, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"paged-{i}").Order(), names.Order());
    }

    internal static async Task<CreateSecurityGroupResponse> CreateGroupAsync(IAmazonEC2 ec2, string name, params (string Key, string Value)[] tags) =>
        await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = name,
            Description = $"{name} security group",
            VpcId = SandboxSeed.VpcId,
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] }],
        }, Ct);

    private static IpPermission Https(UserIdGroupPair peer) =>
        new() { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [peer] };
}
