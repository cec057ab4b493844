using System.Xml.Linq;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

public sealed partial class CloudFrontService
{
    private CloudFrontResponse ChangeTags(CloudFrontRequest request)
    {
        var resource = TaggedResource(request);
        switch (request.Query.GetValueOrDefault("Operation"))
        {
            case "Tag":
                resource.SetTags(ReadTags(RequireBody(request, "Tags")));
                break;
            case "Untag":
                var keys = RequireBody(request, "TagKeys").Elements(Ns + "Items").Elements(Ns + "Key").Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
                resource.Tags.RemoveAll(tag => keys.Contains(tag.Key));
                break;
            default:
                throw CloudFrontError("InvalidArgument", "The Operation parameter must be Tag or Untag.", 400);
        }

        return new CloudFrontResponse(204, null, new Dictionary<string, string>());
    }

    private CloudFrontResponse ListTags(CloudFrontRequest request) => Ok(TagsXml(TaggedResource(request).Tags));

    private SandboxResource TaggedResource(CloudFrontRequest request)
    {
        var arn = request.Query.GetValueOrDefault("Resource")
            ?? throw CloudFrontError("InvalidArgument", "The Resource parameter is required.", 400);
        return (SandboxResource?)Distributions.FirstOrDefault(d => d.Arn == arn)
            ?? VpcOrigins.FirstOrDefault(o => o.Arn == arn)
            ?? throw CloudFrontError("NoSuchResource", "The specified CloudFront resource does not exist.", 404);
    }

    private static XElement TagsXml(List<SandboxTag> tags) => new(Ns + "Tags",
        new XElement(Ns + "Items", tags.Select(tag => new XElement(Ns + "Tag", new XElement(Ns + "Key", tag.Key), new XElement(Ns + "Value", tag.Value)))));

    private static List<SandboxTag> ReadTags(XElement? tags) =>
        SandboxTags.From((tags?.Elements(Ns + "Items").Elements(Ns + "Tag") ?? []).Select(tag =>
        {
            var key = tag.Element(Ns + "Key")?.Value;
            return string.IsNullOrEmpty(key) || key.Length > 128
                ? throw CloudFrontError("InvalidTagging", "Tag keys must be 1 to 128 characters long.", 400)
                : (Key: key, Value: tag.Element(Ns + "Value")?.Value);
        }));
}
