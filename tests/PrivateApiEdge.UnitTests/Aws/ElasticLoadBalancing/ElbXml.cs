namespace PrivateApiEdge.UnitTests.Aws.ElasticLoadBalancing;

/// <summary>ELBv2 answers shaped as the model's output shapes (namespace, result wrapper, member lists).</summary>
internal static class ElbXml
{
    public const string Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public static string Response(string action, string result) => $"""
        <{action}Response xmlns="{Namespace}">
          <{action}Result>{result}</{action}Result>
          <ResponseMetadata><RequestId>c1a8b1f6-1d9e-4b55-8d0c-0d6a3f1e2b7c</RequestId></ResponseMetadata>
        </{action}Response>
        """;

    public static string Error(string code, string message, string requestId) => $"""
        <ErrorResponse xmlns="{Namespace}">
          <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>{requestId}</RequestId>
        </ErrorResponse>
        """;

    public static string LoadBalancer(string arn, string state) => $"""
        <member>
          <LoadBalancerArn>{arn}</LoadBalancerArn>
          <DNSName>internal-pae-1234-1234567890.eu-west-1.elb.amazonaws.com</DNSName>
          <CanonicalHostedZoneId>Z32O12XQLNTSW2</CanonicalHostedZoneId>
          <CreatedTime>2026-11-25T01:02:03.450Z</CreatedTime>
          <LoadBalancerName>pae-1234</LoadBalancerName>
          <Scheme>internal</Scheme>
          <VpcId>vpc-1</VpcId>
          <State><Code>{state}</Code></State>
          <Type>application</Type>
          <AvailabilityZones>
            <member><ZoneName>eu-west-1a</ZoneName><SubnetId>subnet-a</SubnetId></member>
            <member><ZoneName>eu-west-1b</ZoneName><SubnetId>subnet-b</SubnetId></member>
          </AvailabilityZones>
          <SecurityGroups><member>sg-alb</member></SecurityGroups>
          <IpAddressType>ipv4</IpAddressType>
        </member>
        """;

    public static string TargetGroup(string arn) => $"""
        <member>
          <TargetGroupArn>{arn}</TargetGroupArn>
          <TargetGroupName>pae-1234</TargetGroupName>
          <Protocol>HTTPS</Protocol>
          <Port>443</Port>
          <VpcId>vpc-1</VpcId>
          <HealthCheckProtocol>HTTPS</HealthCheckProtocol>
          <HealthCheckPort>traffic-port</HealthCheckPort>
          <HealthCheckEnabled>true</HealthCheckEnabled>
          <HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds>
          <HealthCheckPath>/</HealthCheckPath>
          <Matcher><HttpCode>200,403</HttpCode></Matcher>
          <LoadBalancerArns><member>arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/pae-1234/50dc6c495c0c9188</member></LoadBalancerArns>
          <TargetType>ip</TargetType>
        </member>
        """;

    public static string Listener(string arn, string loadBalancerArn, string targetGroupArn, string certificateArn) => $"""
        <member>
          <ListenerArn>{arn}</ListenerArn>
          <LoadBalancerArn>{loadBalancerArn}</LoadBalancerArn>
          <Port>443</Port>
          <Protocol>HTTPS</Protocol>
          <Certificates><member><CertificateArn>{certificateArn}</CertificateArn></member></Certificates>
          <SslPolicy>ELBSecurityPolicy-TLS13-1-2-2021-06</SslPolicy>
          <DefaultActions><member><Type>forward</Type><TargetGroupArn>{targetGroupArn}</TargetGroupArn></member></DefaultActions>
        </member>
        """;

    public static string Attributes(params (string Key, string Value)[] attributes) =>
        "<Attributes>" + string.Concat(attributes.Select(a => $"<member><Key>{a.Key}</Key><Value>{a.Value}</Value></member>")) + "</Attributes>";
}
