using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

public sealed partial class CloudFrontService
{
    private CloudFrontResponse CreateDistribution(CloudFrontRequest request)
    {
        XElement config;
        List<SandboxTag> tags;
        if (request.Query.ContainsKey("WithTags"))
        {
            var body = RequireBody(request, "DistributionConfigWithTags");
            config = body.Element(Ns + "DistributionConfig") ?? throw MissingField("DistributionConfig");
            tags = ReadTags(body.Element(Ns + "Tags") ?? throw MissingField("Tags"));
        }
        else
        {
            config = RequireBody(request, "DistributionConfig");
            tags = [];
        }

        config = new XElement(Ns + "DistributionConfig", config.Nodes());
        ValidateDistributionConfig(config, self: null);
        var callerReference = config.Element(Ns + "CallerReference")!.Value;
        var existing = Distributions.FirstOrDefault(d => d.CallerReference == callerReference);
        if (existing is not null)
        {
            // Same CallerReference and the same config is a retry of the same request: answer with what it created.
            if (Canonical(existing.Config) != Canonical(config))
            {
                throw CloudFrontError("DistributionAlreadyExists",
                    "The caller reference that you are using to create a distribution is associated with another distribution.", 409);
            }

            return DistributionCreated(existing);
        }

        CheckAliasesFree(config, self: null);
        var now = Now;
        var id = "E" + RandomString(Upper36, 13);
        var distribution = new DistributionRecord
        {
            Id = id,
            Arn = $"arn:aws:cloudfront::{_network.AccountId}:distribution/{id}",
            DomainName = $"d{RandomString("abcdefghijklmnopqrstuvwxyz0123456789", 13)}.cloudfront.net",
            Region = "global",
            CreatedAt = now,
            VisibleAt = request.NewResourceVisibleAt(),
            LastModifiedTime = now,
            DeployedAt = now + _world.Latency.Of(SandboxLifecycles.DistributionDeploy),
            ETag = NewETag(),
            Config = config,
            Tags = tags,
        };
        Distributions.Add(distribution);
        MarkCertificateInUse(distribution);
        return DistributionCreated(distribution);
    }

    private CloudFrontResponse DistributionCreated(DistributionRecord distribution) =>
        new(201, DistributionXml(distribution), new Dictionary<string, string>
        {
            ["ETag"] = distribution.ETag,
            ["Location"] = $"https://cloudfront.amazonaws.com{Version}/distribution/{distribution.Id}",
        });

    private CloudFrontResponse ListDistributions(CloudFrontRequest request)
    {
        var (page, marker, next, maxItems) = Page([.. Distributions.Where(d => d.IsVisible(Now))], d => d.Id, request);
        var now = Now;
        return Ok(new XElement(Ns + "DistributionList",
            new XElement(Ns + "Marker", marker),
            next is null ? null : new XElement(Ns + "NextMarker", next),
            new XElement(Ns + "MaxItems", maxItems),
            new XElement(Ns + "IsTruncated", next is null ? "false" : "true"),
            new XElement(Ns + "Quantity", page.Count),
            page.Count == 0 ? null : new XElement(Ns + "Items", page.Select(d => SummaryXml(d, now)))));
    }

    private static XElement SummaryXml(DistributionRecord d, DateTimeOffset now)
    {
        var c = d.Config;
        XElement Copy(string name, XElement fallback) => c.Element(Ns + name) is { } found ? new XElement(found) : fallback;
        return new XElement(Ns + "DistributionSummary",
            new XElement(Ns + "Id", d.Id),
            new XElement(Ns + "ARN", d.Arn),
            new XElement(Ns + "ETag", d.ETag),
            new XElement(Ns + "Status", d.StatusAt(now)),
            new XElement(Ns + "LastModifiedTime", Xml.Timestamp(d.LastModifiedTime)),
            new XElement(Ns + "DomainName", d.DomainName),
            Copy("Aliases", new XElement(Ns + "Aliases", new XElement(Ns + "Quantity", 0))),
            Copy("Origins", new XElement(Ns + "Origins")),
            c.Element(Ns + "OriginGroups") is { } groups ? new XElement(groups) : null,
            Copy("DefaultCacheBehavior", new XElement(Ns + "DefaultCacheBehavior")),
            Copy("CacheBehaviors", new XElement(Ns + "CacheBehaviors", new XElement(Ns + "Quantity", 0))),
            Copy("CustomErrorResponses", new XElement(Ns + "CustomErrorResponses", new XElement(Ns + "Quantity", 0))),
            new XElement(Ns + "Comment", c.Element(Ns + "Comment")?.Value ?? ""),
            new XElement(Ns + "PriceClass", c.Element(Ns + "PriceClass")?.Value ?? "PriceClass_All"),
            new XElement(Ns + "Enabled", d.Enabled ? "true" : "false"),
            Copy("ViewerCertificate", new XElement(Ns + "ViewerCertificate",
                new XElement(Ns + "CloudFrontDefaultCertificate", "true"),
                new XElement(Ns + "SSLSupportMethod", "vip"),
                new XElement(Ns + "MinimumProtocolVersion", "TLSv1"),
                new XElement(Ns + "CertificateSource", "cloudfront"))),
            Copy("Restrictions", new XElement(Ns + "Restrictions", new XElement(Ns + "GeoRestriction",
                new XElement(Ns + "RestrictionType", "none"), new XElement(Ns + "Quantity", 0)))),
            new XElement(Ns + "WebACLId", c.Element(Ns + "WebACLId")?.Value ?? ""),
            new XElement(Ns + "HttpVersion", c.Element(Ns + "HttpVersion")?.Value ?? "http2"),
            new XElement(Ns + "IsIPV6Enabled", c.Element(Ns + "IsIPV6Enabled")?.Value ?? "false"),
            new XElement(Ns + "Staging", c.Element(Ns + "Staging")?.Value ?? "false"));
    }

    private CloudFrontResponse GetDistribution(string id)
    {
        var distribution = FindDistributionRecord(id);
        return Ok(DistributionXml(distribution), distribution.ETag);
    }

    private CloudFrontResponse GetDistributionConfig(string id)
    {
        var distribution = FindDistributionRecord(id);
        return Ok(new XElement(distribution.Config), distribution.ETag);
    }

    private CloudFrontResponse UpdateDistribution(string id, CloudFrontRequest request)
    {
        var distribution = FindDistributionRecord(id);
        CheckIfMatch(request, distribution.ETag);
        var config = new XElement(Ns + "DistributionConfig", RequireBody(request, "DistributionConfig").Nodes());
        ValidateDistributionConfig(config, distribution);
        CheckAliasesFree(config, distribution);
        var now = Now;
        distribution.Config = config;
        distribution.LastModifiedTime = now;
        // Every update is a new deployment to the edge locations.
        distribution.DeployedAt = now + _world.Latency.Of(SandboxLifecycles.DistributionDeploy);
        distribution.ETag = NewETag();
        MarkCertificateInUse(distribution);
        return Ok(DistributionXml(distribution), distribution.ETag);
    }

    private CloudFrontResponse DeleteDistribution(string id, CloudFrontRequest request)
    {
        var distribution = FindDistributionRecord(id);
        CheckIfMatch(request, distribution.ETag);
        if (distribution.Enabled || distribution.StatusAt(Now) != "Deployed")
        {
            throw CloudFrontError("DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.", 409);
        }

        Distributions.Remove(distribution);
        MarkCertificateInUse(distribution);
        return new CloudFrontResponse(204, null, new Dictionary<string, string>());
    }

    private CloudFrontResponse ListDistributionsByVpcOriginId(string id)
    {
        FindVpcOriginRecord(id);
        var ids = Distributions.Where(d => d.VpcOriginIds.Contains(id)).Select(d => d.Id).ToList();
        return Ok(new XElement(Ns + "DistributionIdList",
            new XElement(Ns + "Marker", ""),
            new XElement(Ns + "MaxItems", 100),
            new XElement(Ns + "IsTruncated", "false"),
            new XElement(Ns + "Quantity", ids.Count),
            ids.Count == 0 ? null : new XElement(Ns + "Items", ids.Select(d => new XElement(Ns + "DistributionId", d)))));
    }

    private DistributionRecord FindDistributionRecord(string id) =>
        Distributions.FirstOrDefault(d => d.Id == id && d.IsVisible(Now)) ?? throw CloudFrontError("NoSuchDistribution", "The specified distribution does not exist.", 404);

    private XElement DistributionXml(DistributionRecord distribution) => new(Ns + "Distribution",
        new XElement(Ns + "Id", distribution.Id),
        new XElement(Ns + "ARN", distribution.Arn),
        new XElement(Ns + "Status", distribution.StatusAt(Now)),
        new XElement(Ns + "LastModifiedTime", Xml.Timestamp(distribution.LastModifiedTime)),
        new XElement(Ns + "InProgressInvalidationBatches", 0),
        new XElement(Ns + "DomainName", distribution.DomainName),
        new XElement(Ns + "ActiveTrustedSigners", new XElement(Ns + "Enabled", "false"), new XElement(Ns + "Quantity", 0)),
        new XElement(Ns + "ActiveTrustedKeyGroups", new XElement(Ns + "Enabled", "false"), new XElement(Ns + "Quantity", 0)),
        new XElement(distribution.Config));
}
