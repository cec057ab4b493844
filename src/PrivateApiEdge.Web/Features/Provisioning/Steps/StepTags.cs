using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using CloudFrontTag = PrivateApiEdge.Web.Aws.CloudFront.Tag;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>The context's tags in each API's tag type.</summary>
internal static class StepTags
{
    public static IReadOnlyList<Ec2Tag> Ec2Tags(this StepContext context, string resource) =>
        context.Tags(resource).Select(t => new Ec2Tag(t.Key, t.Value)).ToList();

    public static IReadOnlyList<ElbTag> ElbTags(this StepContext context, string resource) =>
        context.Tags(resource).Select(t => new ElbTag(t.Key, t.Value)).ToList();

    public static IReadOnlyList<CloudFrontTag> CloudFrontTags(this StepContext context, string resource) =>
        context.Tags(resource).Select(t => new CloudFrontTag(t.Key, t.Value)).ToList();

    public static IReadOnlyDictionary<string, string> ApiGatewayTags(this StepContext context, string resource) => context.Tags(resource);

    public static Ec2Filter DeploymentFilter(this StepContext context) => Ec2Filter.Tag(TrackingTags.Deployment, context.DeploymentId.ToString());
}
