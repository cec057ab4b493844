namespace PrivateApiEdge.Sandbox.Core;

/// <summary>The wire protocols of the AWS API models (<c>metadata.protocol</c>).</summary>
public enum SandboxProtocol
{
    /// <summary><c>ec2</c>: form-encoded Action/Version, XML responses, <c>&lt;Response&gt;&lt;Errors&gt;</c> errors.</summary>
    Ec2,

    /// <summary><c>query</c> (awsQuery): form-encoded Action/Version, <c>&lt;XResponse&gt;&lt;XResult&gt;</c>, <c>&lt;ErrorResponse&gt;</c>.</summary>
    Query,

    /// <summary><c>rest-xml</c>: REST URIs, XML bodies, <c>&lt;ErrorResponse&gt;</c> errors.</summary>
    RestXml,

    /// <summary><c>json</c> 1.1: POST / with <c>X-Amz-Target</c>, <c>{"__type","message"}</c> errors.</summary>
    Json,

    /// <summary><c>rest-json</c>: REST URIs, JSON bodies, <c>x-amzn-ErrorType</c> header on errors.</summary>
    RestJson,
}
