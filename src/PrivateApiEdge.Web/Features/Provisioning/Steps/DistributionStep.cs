using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using CloudFrontGeoRestriction = PrivateApiEdge.Web.Aws.CloudFront.GeoRestriction;
using CloudFrontGeoRestrictionType = PrivateApiEdge.Web.Aws.CloudFront.GeoRestrictionType;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>
/// The distribution: the user's domain and us-east-1 cert (TLSv1.2_2021, SNI), http2and3, https-only, one VPC
/// origin for the ALB, the chosen cache policy and AllViewer (so API Gateway sees the viewer's Host), the optional
/// web ACL and geo restriction. Deployed.
/// </summary>
public sealed class DistributionStep : IProvisioningStep
{
    public const string OriginId = "alb";

    public string Name => StepNames.Distribution;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var cloudFront = context.Aws.CloudFront;
        var id = context.Output(OutputKeys.DistributionId);
        if (id is null)
        {
            if (context.Intent("distribution") is not null)
            {
                // Preflight proved nobody held the alias; after our intent, whoever holds it is our distribution.
                var holder = await cloudFront.FindDistributionByAliasAsync(context.Request.DomainName, cancellationToken);
                if (holder is not null)
                {
                    id = holder.Id;
                    context.Log($"Adopted distribution {id} created by an earlier run.");
                }
            }

            if (id is null)
            {
                var callerReference = await context.RecordIntentAsync("distribution", cancellationToken);
                CreateDistributionResponse created;
                try
                {
                    created = await cloudFront.CreateDistributionWithTagsAsync(
                        new CreateDistributionWithTagsRequest(Config(context, callerReference), context.CloudFrontTags("distribution")), cancellationToken);
                }
                catch (AwsApiException ex) when (ex.Is(CloudFrontErrorCodes.InvalidViewerCertificate) && context.Now - context.StartedAt < TimeSpan.FromMinutes(3))
                {
                    // A freshly issued ACM certificate is not visible to CloudFront for a minute or so.
                    return context.WaitFor(TimeSpan.FromSeconds(20), "CloudFront does not accept the certificate yet");
                }

                id = created.Distribution.Id;
                context.Log($"Created distribution {id} ({created.Distribution.DomainName}).");
            }

            await context.RecordOutputAsync(OutputKeys.DistributionId, id, cancellationToken);
        }

        var current = await cloudFront.GetDistributionAsync(new GetDistributionRequest(id), cancellationToken);
        await context.RecordOutputAsync(OutputKeys.DistributionDomainName, current.Distribution.DomainName, cancellationToken);
        return current.Distribution.Status == "Deployed"
            ? StepOutcome.Done(new Dictionary<string, string> { [OutputKeys.DistributionArn] = current.Distribution.Arn })
            : context.WaitOrGiveUp(new PollSchedule(WaitNames.DistributionDeployed, TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(45), $"distribution {id} to deploy");
    }

    public static DistributionConfig Config(StepContext context, string callerReference)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return new DistributionConfig
        {
            CallerReference = callerReference,
            Aliases = [request.DomainName],
            Origins =
            [
                new Origin
                {
                    Id = OriginId,
                    DomainName = context.RequiredOutputOf(StepNames.LoadBalancer, OutputKeys.LoadBalancerDnsName),
                    OriginPath = "",
                    VpcOriginConfig = new VpcOriginConfig(context.RequiredOutputOf(StepNames.VpcOrigin, OutputKeys.VpcOriginId))
                    {
                        OriginReadTimeout = 60,
                        OriginKeepaliveTimeout = 60,
                    },
                },
            ],
            DefaultCacheBehavior = new DefaultCacheBehavior
            {
                TargetOriginId = OriginId,
                ViewerProtocolPolicy = "https-only",
                AllowedMethods = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
                CachedMethods = ["GET", "HEAD"],
                Compress = true,
                CachePolicyId = request.CachePolicyId,
                OriginRequestPolicyId = ManagedCachePolicies.AllViewerOriginRequestPolicy,
            },
            Comment = $"PrivateApiEdge {request.Name}",
            Enabled = true,
            ViewerCertificate = new ViewerCertificate
            {
                AcmCertificateArn = request.CloudFrontCertificateArn,
                SslSupportMethod = "sni-only",
                MinimumProtocolVersion = "TLSv1.2_2021",
            },
            Restrictions = new Restrictions(GeoRestrictionOf(request.GeoRestriction)),
            WebAclId = request.WebAclArn,
            HttpVersion = "http2and3",
            IsIpv6Enabled = request.EnableIpv6,
        };
    }

    /// <summary>The deployment's restriction in CloudFront's terms; always sent, <c>none</c> when the user chose none.</summary>
    public static CloudFrontGeoRestriction GeoRestrictionOf(Deployments.GeoRestriction? restriction) => restriction is null
        ? CloudFrontGeoRestriction.None
        : new CloudFrontGeoRestriction
        {
            RestrictionType = restriction.Type == Deployments.GeoRestrictionType.Allow ? CloudFrontGeoRestrictionType.Whitelist : CloudFrontGeoRestrictionType.Blacklist,
            Items = [.. restriction.CountryCodes.Select(code => code.ToUpperInvariant()).Distinct(StringComparer.Ordinal)],
        };
}
