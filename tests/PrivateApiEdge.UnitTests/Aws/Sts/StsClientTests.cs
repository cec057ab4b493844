using System.Net;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Sts;

namespace PrivateApiEdge.UnitTests.Aws.Sts;

// The real AWSSDK.SecurityToken client marshals and signs; the harness records and answers with model-shaped XML.
public sealed class StsClientTests : IDisposable
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static readonly AwsModel Model = AwsModel.Load("sts");

    private readonly SdkAdapterHarness _harness = new();
    private readonly Guid _deploymentId = Guid.NewGuid();
    private readonly IStsClient _client;

    public StsClientTests()
    {
        _client = _harness.Factory.Create(new AwsSession("eu-west-1", DeploymentId: _deploymentId)).Sts;
    }

    private RecordedRequest Sent => _harness.Transport.OnlyRequest;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task GetCallerIdentity_reads_account_arn_and_user_id()
    {
        Answer("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/portal</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>");

        var identity = await _client.GetCallerIdentityAsync(TestContext.Current.CancellationToken);

        AssertSentConforms();
        Assert.Equal(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/portal", "AIDAEXAMPLE"), identity);
    }

    [Fact]
    public async Task AssumeRole_sends_role_session_and_external_id_and_reads_temporary_credentials()
    {
        Answer("AssumeRole", """
            <Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret-key</SecretAccessKey><SessionToken>session-token</SessionToken><Expiration>2026-11-25T03:00:00Z</Expiration></Credentials>
            <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:pae-1234</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/PrivateApiEdge/pae-1234</Arn></AssumedRoleUser>
            """);

        var response = await _client.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/PrivateApiEdge", RoleSessionName = "pae-1234", ExternalId = "ext-42", DurationSeconds = 3600 },
            TestContext.Current.CancellationToken);

        AssertSentConforms();
        var form = Sent.Form();
        Assert.Equal(("arn:aws:iam::123456789012:role/PrivateApiEdge", "pae-1234", "ext-42", "3600"), (form["RoleArn"], form["RoleSessionName"], form["ExternalId"], form["DurationSeconds"]));
        Assert.Equal(("ASIAEXAMPLE", "secret-key", "session-token"), (response.Credentials.AccessKeyId, response.Credentials.SecretAccessKey, response.Credentials.SessionToken));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), response.Credentials.Expiration);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/PrivateApiEdge/pae-1234", response.AssumedRoleArn);
    }

    [Fact]
    public void Temporary_credentials_never_print_their_secrets()
    {
        var credentials = new TemporaryCredentials("ASIAEXAMPLE", "secret-key", "session-token", DateTimeOffset.UnixEpoch);

        var text = credentials.ToString();

        Assert.Contains("ASIAEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-token", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDenied_becomes_AwsApiException_and_is_metered()
    {
        _harness.Transport.Respond(HttpStatusCode.Forbidden, $"""
            <ErrorResponse xmlns="{Namespace}">
              <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/portal is not authorized to perform: sts:AssumeRole</Message></Error>
              <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
            </ErrorResponse>
            """);

        var exception = await Assert.ThrowsAsync<AwsApiException>(() =>
            _client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/Other", RoleSessionName = "pae-1234" }, TestContext.Current.CancellationToken));

        AssertSentConforms();
        Assert.Equal((StsErrorCodes.AccessDenied, HttpStatusCode.Forbidden), (exception.ErrorCode, exception.StatusCode));
        Assert.Equal("c6104cbe-af31-11e0-8154-cbc7ccf896c7", exception.RequestId);
        Assert.StartsWith("User: arn:aws:iam::123456789012:user/portal is not authorized", exception.AwsMessage, StringComparison.Ordinal);
        Assert.Equal(("sts", "AssumeRole"), (exception.Service, exception.Operation));
        var call = Assert.Single(_harness.Meter.GetSnapshot(_deploymentId).RecentCalls);
        Assert.Equal(((int?)403, "AccessDenied"), (call.HttpStatus, call.ErrorCode));
    }

    [Fact]
    public async Task Calls_go_to_the_regional_endpoint_signed_as_sts_in_the_session_region()
    {
        Answer("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/portal</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>");

        await _client.GetCallerIdentityAsync(TestContext.Current.CancellationToken);

        Assert.Equal("sts.eu-west-1.amazonaws.com", Sent.Message.RequestUri!.Host);
        Assert.Contains("/eu-west-1/sts/aws4_request", Sent.Authorization(), StringComparison.Ordinal);
        Assert.Equal(("sts", "GetCallerIdentity"), (_harness.Meter.GetSnapshot(_deploymentId).RecentCalls[0].Service, _harness.Meter.GetSnapshot(_deploymentId).RecentCalls[0].Operation));
    }

    private void Answer(string operation, string result)
    {
        var xml = $"""<{operation}Response xmlns="{Namespace}"><{operation}Result>{result}</{operation}Result><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></{operation}Response>""";
        Model.Operation(operation).AssertResponseConforms(xml);
        _harness.Transport.Respond(HttpStatusCode.OK, xml);
    }

    private void AssertSentConforms()
    {
        Assert.NotEmpty(_harness.Transport.Requests);
        foreach (var request in _harness.Transport.Requests)
        {
            Model.Operation(request.Form()["Action"]).AssertRequestConforms(request.Message, request.Body);
        }
    }
}
