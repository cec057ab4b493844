using System.Net;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsErrorParserTests
{
    private static AwsErrorInfo Parse(AwsProtocol protocol, HttpStatusCode status, string? body, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return AwsErrorParser.Parse(protocol, status, response.Headers, body);
    }

    [Fact]
    public void Rest_xml_errors_give_code_message_and_request_id()
    {
        var error = Parse(AwsProtocol.RestXml, HttpStatusCode.PreconditionFailed, """<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>PreconditionFailed</Code><Message>The If-Match version is missing or not valid.</Message></Error><RequestId>abc-1</RequestId></ErrorResponse>""");

        Assert.Equal(new AwsErrorInfo("PreconditionFailed", "The If-Match version is missing or not valid.", "abc-1"), error);
    }

    [Fact]
    public void Route53_invalid_change_batch_uses_its_root_as_the_code_and_joins_the_messages()
    {
        var error = Parse(AwsProtocol.RestXml, HttpStatusCode.BadRequest, """<InvalidChangeBatch xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Messages><Message>Tried to create resource record set but it already exists</Message><Message>second</Message></Messages><RequestId>r53-1</RequestId></InvalidChangeBatch>""");

        Assert.Equal(new AwsErrorInfo("InvalidChangeBatch", "Tried to create resource record set but it already exists; second", "r53-1"), error);
    }

    [Fact]
    public void Query_errors_read_the_error_response()
    {
        var error = Parse(AwsProtocol.Query, HttpStatusCode.BadRequest, """<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type><Code>ResourceInUse</Code><Message>Target group is in use</Message></Error><RequestId>q-1</RequestId></ErrorResponse>""");

        Assert.Equal(new AwsErrorInfo("ResourceInUse", "Target group is in use", "q-1"), error);
    }

    [Fact]
    public void Ec2_errors_read_the_errors_list()
    {
        var error = Parse(AwsProtocol.Ec2Query, HttpStatusCode.BadRequest, """<Response><Errors><Error><Code>DependencyViolation</Code><Message>resource sg-1 has a dependent object</Message></Error></Errors><RequestID>e-1</RequestID></Response>""");

        Assert.Equal(new AwsErrorInfo("DependencyViolation", "resource sg-1 has a dependent object", "e-1"), error);
    }

    [Fact]
    public void Rest_json_errors_take_the_type_from_the_header()
    {
        var error = Parse(AwsProtocol.RestJson, HttpStatusCode.NotFound, """{"message":"Invalid API identifier specified"}""", ("x-amzn-ErrorType", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/"), ("x-amzn-RequestId", "j-1"));

        Assert.Equal(new AwsErrorInfo("NotFoundException", "Invalid API identifier specified", "j-1"), error);
    }

    [Fact]
    public void Json_errors_take_the_type_from_the_body()
    {
        var error = Parse(AwsProtocol.Json, HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.acm#ResourceNotFoundException","message":"Could not find certificate"}""", ("x-amzn-RequestId", "a-1"));

        Assert.Equal(new AwsErrorInfo("ResourceNotFoundException", "Could not find certificate", "a-1"), error);
    }

    [Fact]
    public void An_empty_body_falls_back_to_a_code_from_the_status()
    {
        Assert.Equal("ServiceUnavailable", Parse(AwsProtocol.RestXml, HttpStatusCode.ServiceUnavailable, null).Code);
        Assert.Equal("TooManyRequestsException", Parse(AwsProtocol.Json, HttpStatusCode.TooManyRequests, string.Empty).Code);
    }

    [Theory]
    [InlineData(AwsProtocol.RestXml)]
    [InlineData(AwsProtocol.RestJson)]
    [InlineData(AwsProtocol.Ec2Query)]
    public void An_html_404_is_not_an_aws_error_and_its_page_is_not_the_message(AwsProtocol protocol)
    {
        var error = Parse(protocol, HttpStatusCode.NotFound, "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>", ("x-amzn-RequestId", "h-1"));

        Assert.False(error.IsAwsError);
        Assert.Equal("Http404", error.Code);
        Assert.Equal("HTTP 404 without an AWS error code (an HTML page)", error.Message);
        Assert.Equal("h-1", error.RequestId);
    }
}
