using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

public sealed partial class LoadBalancingService
{
    private XElement AddTags(QueryParameters p)
    {
        var tags = ReadTags(p);
        foreach (var arn in p.MemberList("ResourceArns"))
        {
            TagsOf(arn).SetTags(tags);
        }

        return new XElement(Ns + "AddTagsResult");
    }

    private XElement RemoveTags(QueryParameters p)
    {
        var keys = p.MemberList("TagKeys");
        foreach (var arn in p.MemberList("ResourceArns"))
        {
            TagsOf(arn).Tags.RemoveAll(tag => keys.Contains(tag.Key));
        }

        return new XElement(Ns + "RemoveTagsResult");
    }

    private XElement DescribeTags(QueryParameters p) =>
        new(Ns + "DescribeTagsResult", new XElement(Ns + "TagDescriptions", p.MemberList("ResourceArns").Select(arn => Member(
            new XElement(Ns + "ResourceArn", arn),
            new XElement(Ns + "Tags", TagsOf(arn).Tags.Select(tag => Member(new XElement(Ns + "Key", tag.Key), new XElement(Ns + "Value", tag.Value))))))));

    private SandboxResource TagsOf(string arn)
    {
        if (arn.Contains(":loadbalancer/", StringComparison.Ordinal))
        {
            return FindLoadBalancerResource(arn) ?? throw LoadBalancerNotFound();
        }

        if (arn.Contains(":targetgroup/", StringComparison.Ordinal))
        {
            return FindTargetGroupResource(arn) ?? throw TargetGroupNotFound();
        }

        if (arn.Contains(":listener/", StringComparison.Ordinal))
        {
            return FindListenerResource(arn) ?? throw new SandboxServiceException("ListenerNotFound", "One or more listeners not found");
        }

        throw Validation($"'{arn}' is not a valid load balancer, target group or listener ARN");
    }

    private static List<SandboxTag> ReadTags(QueryParameters p) =>
        SandboxTags.From(
            p.MemberStructList("Tags").Select(tag => (tag.Required("Key"), tag["Value"])),
            key => new SandboxServiceException("DuplicateTagKeys", $"Tag key '{key}' specified more than once"));
}
