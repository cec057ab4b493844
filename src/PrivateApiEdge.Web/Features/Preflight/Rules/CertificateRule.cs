using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

/// <summary>The viewer certificate (us-east-1) or the ALB/API Gateway certificate (workload region).</summary>
internal sealed class CertificateRule(CertificateRule.Use use) : IPreflightRule
{
    public enum Use
    {
        CloudFront,
        Regional,
    }

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        var (check, what, arn, region, certificate) = use == Use.CloudFront
            ? ("cloudfront-certificate", "CloudFront certificate", request.CloudFrontCertificateArn, "us-east-1", facts.CloudFrontCertificate)
            : ("regional-certificate", "ALB certificate", request.RegionalCertificateArn, request.Region, facts.RegionalCertificate);
        var request_ = $"Request or import a certificate for {request.DomainName} in ACM in {region}, validate it, and pick it here.";

        if (certificate is null)
        {
            yield return PreflightFinding.Fail(check, $"The {what} {arn} was not found in {region}: {facts.LookupErrors.GetValueOrDefault(check, "ACM did not return it")}.", request_);
            yield break;
        }

        var failed = false;
        if (!string.Equals(certificate.Region, region, StringComparison.Ordinal))
        {
            failed = true;
            yield return PreflightFinding.Fail(check, $"The {what} is in {certificate.Region}; it must be in {region}.", request_);
        }

        if (!string.Equals(certificate.Status, "ISSUED", StringComparison.Ordinal))
        {
            failed = true;
            yield return PreflightFinding.Fail(check, $"The {what} is {certificate.Status}, not ISSUED.",
                certificate.Status == "PENDING_VALIDATION" ? "Complete the DNS validation in ACM, then run preflight again." : request_);
        }

        if (!certificate.DomainNames.Any(name => DomainNames.Covers(name, request.DomainName)))
        {
            failed = true;
            yield return PreflightFinding.Fail(check, $"The {what} covers {string.Join(", ", certificate.DomainNames)}, not {request.DomainName} (a wildcard covers exactly one label).", request_);
        }

        if (!failed)
        {
            yield return PreflightFinding.Pass(check, $"The {what} is ISSUED in {region} and covers {request.DomainName}.");
        }
    }
}
