namespace PrivateApiEdge.UnitTests.Aws.CloudFront;

/// <summary>CloudFront answers as AWS documents them; each is checked against the API model before use.</summary>
internal static class CloudFrontSamples
{
    public const string Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    public const string AlbArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/pae-alb/50dc6c495c0c9188";

    public static string VpcOrigin(string id = "vo_1AbCdEf", string status = "Deploying") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <VpcOrigin xmlns="{Ns}"><Id>{id}</Id><Arn>arn:aws:cloudfront::123456789012:vpcorigin/{id}</Arn><AccountId>123456789012</AccountId><Status>{status}</Status><CreatedTime>2026-11-25T01:00:00.000Z</CreatedTime><LastModifiedTime>2026-11-25T01:00:05.000Z</LastModifiedTime><VpcOriginEndpointConfig><Name>pae-origin</Name><Arn>{AlbArn}</Arn><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https-only</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity><Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols></VpcOriginEndpointConfig></VpcOrigin>
        """;

    public static string VpcOriginList(bool truncated, string? nextMarker, params string[] ids) => $"""
        <VpcOriginList xmlns="{Ns}"><Marker></Marker>{(nextMarker is null ? string.Empty : $"<NextMarker>{nextMarker}</NextMarker>")}<MaxItems>100</MaxItems><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated><Quantity>{ids.Length}</Quantity><Items>{string.Concat(ids.Select(id => $"<VpcOriginSummary><Id>{id}</Id><Name>origin-{id}</Name><Status>Deployed</Status><CreatedTime>2026-11-25T01:00:00Z</CreatedTime><LastModifiedTime>2026-11-25T01:00:00Z</LastModifiedTime><Arn>arn:aws:cloudfront::123456789012:vpcorigin/{id}</Arn><OriginEndpointArn>{AlbArn}</OriginEndpointArn></VpcOriginSummary>"))}</Items></VpcOriginList>
        """;

    public static string DistributionConfigXml(bool enabled = true, string alias = "api.example.com", string restrictions = NoRestrictions) => $"""<DistributionConfig><CallerReference>pae-dep-1</CallerReference><Aliases><Quantity>1</Quantity><Items><CNAME>{alias}</CNAME></Items></Aliases><DefaultRootObject></DefaultRootObject><Origins><Quantity>1</Quantity><Items><Origin><Id>alb</Id><DomainName>internal-pae-alb-1.eu-west-1.elb.amazonaws.com</DomainName><OriginPath></OriginPath><CustomHeaders><Quantity>0</Quantity></CustomHeaders><VpcOriginConfig><VpcOriginId>vo_1AbCdEf</VpcOriginId><OriginReadTimeout>30</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout></VpcOriginConfig><ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout><OriginShield><Enabled>false</Enabled></OriginShield><OriginAccessControlId></OriginAccessControlId></Origin></Items></Origins><OriginGroups><Quantity>0</Quantity></OriginGroups><DefaultCacheBehavior><TargetOriginId>alb</TargetOriginId><TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners><TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups><ViewerProtocolPolicy>https-only</ViewerProtocolPolicy><AllowedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items><CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods></AllowedMethods><SmoothStreaming>false</SmoothStreaming><Compress>true</Compress><LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations><FunctionAssociations><Quantity>0</Quantity></FunctionAssociations><FieldLevelEncryptionId></FieldLevelEncryptionId><CachePolicyId>83da9c7e-98b4-4e11-a168-04f0df8e2c65</CachePolicyId><OriginRequestPolicyId>216adef6-5c7f-47e4-b989-5492eafa07d3</OriginRequestPolicyId></DefaultCacheBehavior><CacheBehaviors><Quantity>0</Quantity></CacheBehaviors><CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>PrivateApiEdge</Comment><Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket><Prefix></Prefix></Logging><PriceClass>PriceClass_All</PriceClass><Enabled>{(enabled ? "true" : "false")}</Enabled><ViewerCertificate><CloudFrontDefaultCertificate>false</CloudFrontDefaultCertificate><ACMCertificateArn>arn:aws:acm:us-east-1:123456789012:certificate/abc</ACMCertificateArn><SSLSupportMethod>sni-only</SSLSupportMethod><MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion><Certificate>arn:aws:acm:us-east-1:123456789012:certificate/abc</Certificate><CertificateSource>acm</CertificateSource></ViewerCertificate>{restrictions}<WebACLId></WebACLId><HttpVersion>http2and3</HttpVersion><IsIPV6Enabled>false</IsIPV6Enabled><ContinuousDeploymentPolicyId></ContinuousDeploymentPolicyId><Staging>false</Staging></DistributionConfig>""";

    public const string NoRestrictions = "<Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions>";

    public static string GeoRestrictions(string type, params string[] countries) =>
        $"<Restrictions><GeoRestriction><RestrictionType>{type}</RestrictionType><Quantity>{countries.Length}</Quantity>"
        + (countries.Length == 0 ? "" : $"<Items>{string.Concat(countries.Select(c => $"<Location>{c}</Location>"))}</Items>")
        + "</GeoRestriction></Restrictions>";

    public static string DistributionConfig(bool enabled = true, string restrictions = NoRestrictions) =>
        DistributionConfigXml(enabled, restrictions: restrictions).Replace("<DistributionConfig>", $"<DistributionConfig xmlns=\"{Ns}\">", StringComparison.Ordinal);

    public static string Distribution(string status = "InProgress", bool enabled = true) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Distribution xmlns="{Ns}"><Id>E2QWRUHAPOMQZL</Id><ARN>arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL</ARN><Status>{status}</Status><LastModifiedTime>2026-11-25T01:10:00.123Z</LastModifiedTime><InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>d111111abcdef8.cloudfront.net</DomainName><ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners><ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>{DistributionConfigXml(enabled)}</Distribution>
        """;

    public static string DistributionSummary(string id, string alias) => $"""<DistributionSummary><Id>{id}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/{id}</ARN><Status>Deployed</Status><LastModifiedTime>2026-11-25T01:10:00Z</LastModifiedTime><DomainName>{id.ToLowerInvariant()}.cloudfront.net</DomainName><Aliases><Quantity>1</Quantity><Items><CNAME>{alias}</CNAME></Items></Aliases><Origins><Quantity>1</Quantity><Items><Origin><Id>alb</Id><DomainName>internal-alb.eu-west-1.elb.amazonaws.com</DomainName><OriginPath></OriginPath><VpcOriginConfig><VpcOriginId>vo_1</VpcOriginId></VpcOriginConfig></Origin></Items></Origins><OriginGroups><Quantity>0</Quantity></OriginGroups><DefaultCacheBehavior><TargetOriginId>alb</TargetOriginId><ViewerProtocolPolicy>https-only</ViewerProtocolPolicy></DefaultCacheBehavior><CacheBehaviors><Quantity>0</Quantity></CacheBehaviors><CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>c</Comment><PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled><ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate></ViewerCertificate><Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions><WebACLId></WebACLId><HttpVersion>http2and3</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false</Staging></DistributionSummary>""";

    public static string DistributionList(bool truncated, string? nextMarker, params (string Id, string Alias)[] items) => $"""
        <DistributionList xmlns="{Ns}"><Marker></Marker>{(nextMarker is null ? string.Empty : $"<NextMarker>{nextMarker}</NextMarker>")}<MaxItems>100</MaxItems><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated><Quantity>{items.Length}</Quantity>{(items.Length == 0 ? string.Empty : $"<Items>{string.Concat(items.Select(i => DistributionSummary(i.Id, i.Alias)))}</Items>")}</DistributionList>
        """;

    public static string Tags => $"""<Tags xmlns="{Ns}"><Items><Tag><Key>privateapiedge:deployment</Key><Value>dep-1</Value></Tag><Tag><Key>empty</Key></Tag></Items></Tags>""";

    public static string Error(string code, string message = "message") => $"""
        <?xml version="1.0"?>
        <ErrorResponse xmlns="{Ns}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-{code}</RequestId></ErrorResponse>
        """;
}
