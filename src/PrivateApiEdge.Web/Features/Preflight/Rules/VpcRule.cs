using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class VpcRule : IPreflightRule
{
    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        if (facts.Vpc is not { } vpc)
        {
            yield return PreflightFinding.Fail("vpc", $"VPC {request.VpcId} was not found in {request.Region}.",
                "Pick a VPC of this account in the chosen region.");
            yield break;
        }

        yield return vpc.EnableDnsSupport
            ? PreflightFinding.Pass("vpc-dns-support", $"VPC {vpc.VpcId} resolves DNS (enableDnsSupport).")
            : PreflightFinding.Fail("vpc-dns-support", $"VPC {vpc.VpcId} has enableDnsSupport off; the execute-api endpoint's private DNS needs it.",
                $"aws ec2 modify-vpc-attribute --vpc-id {vpc.VpcId} --enable-dns-support");
        yield return vpc.EnableDnsHostnames
            ? PreflightFinding.Pass("vpc-dns-hostnames", $"VPC {vpc.VpcId} has DNS hostnames (enableDnsHostnames).")
            : PreflightFinding.Fail("vpc-dns-hostnames", $"VPC {vpc.VpcId} has enableDnsHostnames off; the execute-api endpoint's private DNS needs it.",
                $"aws ec2 modify-vpc-attribute --vpc-id {vpc.VpcId} --enable-dns-hostnames (after DNS support is on)");
        yield return vpc.HasInternetGateway
            ? PreflightFinding.Pass("vpc-internet-gateway", $"VPC {vpc.VpcId} has an internet gateway attached.")
            : PreflightFinding.Fail("vpc-internet-gateway", $"VPC {vpc.VpcId} has no internet gateway; CloudFront VPC origins require one (no route to it is needed).",
                $"Create an internet gateway and attach it to {vpc.VpcId}.");
    }
}
