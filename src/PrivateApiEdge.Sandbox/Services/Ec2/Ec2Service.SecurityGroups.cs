using System.Globalization;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.State;
using static PrivateApiEdge.Sandbox.Core.Protocols.Ec2Protocol;
using static PrivateApiEdge.Sandbox.Services.Ec2.Ec2Query;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

public sealed partial class Ec2Service
{
    private SandboxResponse CreateSecurityGroup(SandboxRequest request)
    {
        var name = request.Form.Required("GroupName");
        var description = request.Form["GroupDescription"]
            ?? throw new SandboxServiceException("MissingParameter", "The request must contain the parameter GroupDescription");
        var vpcId = request.Form["VpcId"]
            ?? throw new SandboxServiceException("VPCIdNotSpecified", "No default VPC for this user");
        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw new SandboxServiceException("InvalidParameterValue", "Group names may not be in the format sg-*.");
        }

        if (name.Length > 255 || description.Length > 255)
        {
            throw new SandboxServiceException("InvalidParameterValue", "Value for parameter GroupName or GroupDescription is longer than 255 characters.");
        }

        var tags = TagsFor(request, "security-group");
        var group = _world.Write(world =>
        {
            var ec2 = world.Part<Ec2State>();
            VisibleVpc(ec2, request, vpcId);
            if (ec2.SecurityGroups.Any(g => g.Region == request.Region && g.VpcId == vpcId && string.Equals(g.GroupName, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new SandboxServiceException("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
            }

            var created = ec2.AddSecurityGroup(request.Region, request.AccountId, vpcId, name, description, world.Now);
            world.Stamp(created, request);
            created.Tags.AddRange(tags);
            return created;
        });
        return Ok(request, E("groupId", group.Id), Ec2Shapes.TagSet(group.Tags), E("securityGroupArn", group.Arn));
    }

    private SandboxResponse DescribeSecurityGroups(SandboxRequest request) => _world.Read(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var visible = Visible(ec2.SecurityGroups, request).ToList();
        var names = request.Form.List("GroupName");
        var missingName = names.FirstOrDefault(n => visible.All(g => g.GroupName != n));
        if (missingName is not null)
        {
            throw new SandboxServiceException("InvalidGroup.NotFound", $"The security group '{missingName}' does not exist in default VPC 'none'");
        }

        var groups = Select(visible.Where(g => names.Count == 0 || names.Contains(g.GroupName)), request.Form.List("GroupId"), Filters(request.Form), (g, name) => name switch
        {
            "group-id" => One(g.Id),
            "group-name" => One(g.GroupName),
            "vpc-id" => One(g.VpcId),
            "description" => One(g.Description),
            "owner-id" => One(g.AccountId),
            "ip-permission.protocol" => g.Rules.Where(r => !r.IsEgress).Select(r => r.IpProtocol),
            "ip-permission.from-port" => g.Rules.Where(r => !r.IsEgress).Select(r => r.FromPort?.ToString(CultureInfo.InvariantCulture)),
            "ip-permission.to-port" => g.Rules.Where(r => !r.IsEgress).Select(r => r.ToPort?.ToString(CultureInfo.InvariantCulture)),
            "ip-permission.cidr" => g.Rules.Where(r => !r.IsEgress).Select(r => r.CidrIpv4),
            "ip-permission.group-id" => g.Rules.Where(r => !r.IsEgress).Select(r => r.ReferencedGroupId),
            "ip-permission.prefix-list-id" => g.Rules.Where(r => !r.IsEgress).Select(r => r.PrefixListId),
            "egress.ip-permission.group-id" => g.Rules.Where(r => r.IsEgress).Select(r => r.ReferencedGroupId),
            "egress.ip-permission.cidr" => g.Rules.Where(r => r.IsEgress).Select(r => r.CidrIpv4),
            "egress.ip-permission.prefix-list-id" => g.Rules.Where(r => r.IsEgress).Select(r => r.PrefixListId),
            _ => null,
        });
        var (page, next) = Page(groups, request.Form);
        return Ok(request,
            Set("securityGroupInfo", page, g => Ec2Shapes.SecurityGroup(g, id => ec2.FindSecurityGroup(request.Region, id))),
            NextTokenElement(next));
    });

    private SandboxResponse DeleteSecurityGroup(SandboxRequest request)
    {
        var deleted = _world.Write(world =>
        {
            var ec2 = world.Part<Ec2State>();
            var group = FindGroupByIdOrName(ec2, request, request.Form["GroupId"], request.Form["GroupName"]);
            if (group.GroupName == "default")
            {
                throw new SandboxServiceException("CannotDelete", $"the specified group: \"{group.Id}\" name: \"default\" cannot be deleted by a user");
            }

            var inUse = ec2.NetworkInterfaces.Any(n => n.GroupIds.Contains(group.Id))
                || ec2.SecurityGroups.Any(g => g.Id != group.Id && g.Rules.Any(r => r.ReferencedGroupId == group.Id));
            if (inUse)
            {
                throw new SandboxServiceException("DependencyViolation", $"resource {group.Id} has a dependent object");
            }

            ec2.SecurityGroups.Remove(group);
            return group;
        });
        return Ok(request, E("return", "true"), E("groupId", deleted.Id));
    }

    private SandboxResponse AuthorizeSecurityGroupRules(SandboxRequest request, bool egress)
    {
        var tags = TagsFor(request, "security-group-rule");
        var (group, added) = _world.Write(world =>
        {
            var ec2 = world.Part<Ec2State>();
            var group = FindGroupByIdOrName(ec2, request, request.Form["GroupId"], request.Form["GroupName"]);
            var rules = ReadRules(request, ec2, egress);
            if (rules.Count == 0)
            {
                throw new SandboxServiceException("MissingParameter", "No permissions were specified.");
            }

            foreach (var rule in rules)
            {
                if (group.Rules.Any(existing => existing.SameAs(rule)) || rules.Count(r => r.SameAs(rule)) > 1)
                {
                    throw new SandboxServiceException("InvalidPermission.Duplicate", $"the specified rule \"{Describe(rule)}\" already exists");
                }
            }

            foreach (var rule in rules)
            {
                rule.RuleId = SandboxWorld.NewId("sgr");
                rule.Tags = [.. tags];
                group.Rules.Add(rule);
            }

            return (group, rules);
        });
        return Ok(request, E("return", "true"), Set("securityGroupRuleSet", added, r => Ec2Shapes.SecurityGroupRule(group, r)));
    }

    private SandboxResponse RevokeSecurityGroupRules(SandboxRequest request, bool egress)
    {
        _world.Write(world =>
        {
            var ec2 = world.Part<Ec2State>();
            var group = FindGroupByIdOrName(ec2, request, request.Form["GroupId"], request.Form["GroupName"]);
            var toRemove = new List<Ec2SecurityGroupRule>();
            foreach (var ruleId in request.Form.List("SecurityGroupRuleId"))
            {
                toRemove.Add(group.Rules.FirstOrDefault(r => r.RuleId == ruleId && r.IsEgress == egress)
                    ?? throw new SandboxServiceException("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{ruleId}' does not exist"));
            }

            foreach (var rule in ReadRules(request, ec2, egress, requirePeersExist: false))
            {
                toRemove.Add(group.Rules.FirstOrDefault(r => r.SameAs(rule))
                    ?? throw new SandboxServiceException("InvalidPermission.NotFound", "The specified rule does not exist in this security group."));
            }

            if (toRemove.Count == 0)
            {
                throw new SandboxServiceException("MissingParameter", "No permissions were specified.");
            }

            group.Rules.RemoveAll(toRemove.Contains);
        });
        return Ok(request, E("return", "true"));
    }

    private SandboxResponse DescribeSecurityGroupRules(SandboxRequest request) => _world.Read(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var rules = Visible(ec2.SecurityGroups, request)
            .SelectMany(g => g.Rules.Select(r => (Group: g, Rule: r)))
            .ToList();
        var ids = request.Form.List("SecurityGroupRuleId");
        var missing = ids.FirstOrDefault(id => rules.All(r => r.Rule.RuleId != id));
        if (missing is not null)
        {
            throw NotFound(missing);
        }

        var filters = Filters(request.Form);
        var selected = rules
            .Where(r => ids.Count == 0 || ids.Contains(r.Rule.RuleId))
            .Where(r => filters.All(f => f.Name switch
            {
                "group-id" => f.Values.Any(v => Wildcard(v, r.Group.Id)),
                "security-group-rule-id" => f.Values.Any(v => Wildcard(v, r.Rule.RuleId)),
                _ when f.Name.StartsWith("tag:", StringComparison.Ordinal) =>
                    r.Rule.Tags.Any(t => t.Key == f.Name[4..] && f.Values.Any(v => Wildcard(v, t.Value))),
                "tag-key" => r.Rule.Tags.Any(t => f.Values.Any(v => Wildcard(v, t.Key))),
                _ => throw new SandboxServiceException("InvalidParameterValue", $"The filter '{f.Name}' is invalid"),
            }))
            .ToList();
        var (page, next) = Page(selected, request.Form);
        return Ok(request, Set("securityGroupRuleSet", page, r => Ec2Shapes.SecurityGroupRule(r.Group, r.Rule)), NextTokenElement(next));
    });

    private static Ec2SecurityGroup FindGroupByIdOrName(Ec2State ec2, SandboxRequest request, string? groupId, string? groupName)
    {
        if (groupId is not null)
        {
            return ec2.FindSecurityGroup(request.Region, groupId) is { } group && group.IsVisible(request.Now) ? group : throw NotFound(groupId);
        }

        if (groupName is not null)
        {
            return ec2.SecurityGroups.FirstOrDefault(g => g.Region == request.Region && g.GroupName == groupName && g.IsVisible(request.Now))
                ?? throw new SandboxServiceException("InvalidGroup.NotFound", $"The security group '{groupName}' does not exist in default VPC 'none'");
        }

        throw new SandboxServiceException("MissingParameter", "The request must contain the parameter groupName or groupId");
    }

    /// <summary>IpPermissions.N (and the legacy top-level CidrIp/IpProtocol/FromPort/ToPort form), one rule per peer.</summary>
    private static List<Ec2SecurityGroupRule> ReadRules(SandboxRequest request, Ec2State ec2, bool egress, bool requirePeersExist = true)
    {
        var rules = new List<Ec2SecurityGroupRule>();
        foreach (var permission in request.Form.StructList("IpPermissions"))
        {
            var protocol = NormalizeProtocol(permission.Required("IpProtocol"));
            var from = protocol == "-1" ? null : permission.Number("FromPort");
            var to = protocol == "-1" ? null : permission.Number("ToPort");
            Ec2SecurityGroupRule Rule() => new() { IsEgress = egress, IpProtocol = protocol, FromPort = from, ToPort = to };

            foreach (var range in permission.StructList("IpRanges"))
            {
                var rule = Rule();
                rule.CidrIpv4 = ValidCidr(range.Required("CidrIp"));
                rule.Description = range["Description"];
                rules.Add(rule);
            }

            foreach (var range in permission.StructList("Ipv6Ranges"))
            {
                var rule = Rule();
                rule.CidrIpv6 = range.Required("CidrIpv6");
                rule.Description = range["Description"];
                rules.Add(rule);
            }

            foreach (var prefixList in permission.StructList("PrefixListIds"))
            {
                var id = prefixList.Required("PrefixListId");
                if (requirePeersExist && ec2.PrefixLists.All(p => p.Id != id || p.Region != request.Region))
                {
                    throw new SandboxServiceException("InvalidPrefixListId.NotFound", $"The prefix list ID '{id}' does not exist");
                }

                var rule = Rule();
                rule.PrefixListId = id;
                rule.Description = prefixList["Description"];
                rules.Add(rule);
            }

            foreach (var pair in permission.StructList("Groups"))
            {
                var peerId = pair["GroupId"];
                if (peerId is null && pair["GroupName"] is { } peerName)
                {
                    peerId = ec2.SecurityGroups.FirstOrDefault(g => g.Region == request.Region && g.GroupName == peerName)?.Id
                        ?? throw new SandboxServiceException("InvalidGroup.NotFound", $"The security group '{peerName}' does not exist");
                }

                if (peerId is null)
                {
                    throw new SandboxServiceException("MissingParameter", "The request must contain the parameter groupId");
                }

                if (requirePeersExist && ec2.FindSecurityGroup(request.Region, peerId) is null)
                {
                    throw new SandboxServiceException("InvalidGroup.NotFound", $"The security group '{peerId}' does not exist");
                }

                var rule = Rule();
                rule.ReferencedGroupId = peerId;
                rule.ReferencedGroupOwnerId = pair["UserId"] ?? request.AccountId;
                rule.Description = pair["Description"];
                rules.Add(rule);
            }
        }

        if (request.Form["CidrIp"] is { } cidr)
        {
            var protocol = NormalizeProtocol(request.Form["IpProtocol"] ?? "-1");
            rules.Add(new Ec2SecurityGroupRule
            {
                IsEgress = egress,
                IpProtocol = protocol,
                FromPort = protocol == "-1" ? null : request.Form.Number("FromPort"),
                ToPort = protocol == "-1" ? null : request.Form.Number("ToPort"),
                CidrIpv4 = ValidCidr(cidr),
            });
        }

        return rules;
    }

    private static string NormalizeProtocol(string protocol) => protocol.ToLowerInvariant() switch
    {
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        "all" => "-1",
        var other => other,
    };

    private static string ValidCidr(string cidr)
    {
        try
        {
            Ipv4Cidr.Parse(cidr);
            return cidr;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new SandboxServiceException("InvalidParameterValue", $"CIDR block {cidr} is malformed");
        }
    }

    /// <summary>The rule as EC2's InvalidPermission.Duplicate message spells it.</summary>
    private static string Describe(Ec2SecurityGroupRule rule)
    {
        var peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupId;
        return rule.IpProtocol == "-1"
            ? $"peer: {peer}, ALL, ALLOW"
            : string.Create(CultureInfo.InvariantCulture, $"peer: {peer}, {rule.IpProtocol.ToUpperInvariant()}, from port: {rule.FromPort}, to port: {rule.ToPort}, ALLOW");
    }
}
