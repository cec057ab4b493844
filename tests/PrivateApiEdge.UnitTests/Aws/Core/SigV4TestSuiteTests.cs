using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

// Signs the AWS SigV4 test-suite requests through the real pipeline (retry → metering → SigV4 handler) with the
// suite's credentials and date, proving the handler is wired with the right service, region, time and body.
// The SDK always signs x-amz-content-sha256 (and content-length when there is a body), which the suite's
// requests lack, so the expected signature is derived from the suite's canonical request (.creq) plus exactly
// those extra headers; the credential scope and every header the suite signs must match verbatim.
public sealed class SigV4TestSuiteTests
{
    // A global service whose endpoint is the suite's host and whose signing name is the suite's "service".
    private static readonly AwsService SuiteService = new("Example", "EXAMPLE", "service", "example", AwsProtocol.RestXml, "example.amazonaws.com");

    private static readonly string[] SdkAddedHeaders = ["x-amz-content-sha256", "content-length"];
    private static readonly string[] ScopeParts = ["20150830", "us-east-1", "service", "aws4_request"];

    public static TheoryData<string> Vectors => ["get-vanilla", "post-vanilla", "get-vanilla-query", "post-x-www-form-urlencoded", "get-vanilla-query-order-key-case", "get-unreserved"];

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task The_pipeline_signs_the_test_suite_request_as_the_suite_expects(string vector)
    {
        var directory = Path.Combine(AwsModel.RepositoryRoot(), "..", "shared", "aws-sigv4-testsuite", vector);
        var (method, pathAndQuery, headers, body) = ParseRequest(await File.ReadAllTextAsync(Path.Combine(directory, vector + ".req"), TestContext.Current.CancellationToken));
        var expected = (await File.ReadAllTextAsync(Path.Combine(directory, vector + ".authz"), TestContext.Current.CancellationToken)).Trim();
        var clock = new FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));
        using var pipeline = new AwsTestPipeline(signingClock: clock);
        pipeline.Transport.Respond(HttpStatusCode.OK, "<ok/>");
        var connection = pipeline.Factory.Connect(AwsTestPipeline.Session("us-east-1"), SuiteService);

        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        }

        foreach (var (name, value) in headers.Where(h => h.Name is not "Host" and not "X-Amz-Date"))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await connection.SendAsync(request, new AwsOperation("Vector"), TestContext.Current.CancellationToken);

        var sent = pipeline.Transport.OnlyRequest.Message;
        Assert.Equal("20150830T123600Z", Assert.Single(sent.Headers.GetValues("X-Amz-Date")));
        var actual = Authorization.Parse(Assert.Single(sent.Headers.GetValues("Authorization")));
        var suite = Authorization.Parse(expected);
        Assert.Equal(suite.Credential, actual.Credential);
        Assert.Superset(suite.SignedHeaders.ToHashSet(), actual.SignedHeaders.ToHashSet());
        Assert.All(actual.SignedHeaders.Except(suite.SignedHeaders), extra => Assert.Contains(extra, SdkAddedHeaders));

        var canonical = await File.ReadAllTextAsync(Path.Combine(directory, vector + ".creq"), TestContext.Current.CancellationToken);
        var expectedSignature = SignWithExtraHeaders(canonical, actual.SignedHeaders, sent);
        Assert.Equal(expectedSignature, actual.Signature);
        if (actual.SignedHeaders.SequenceEqual(suite.SignedHeaders))
        {
            Assert.Equal(expected, Assert.Single(sent.Headers.GetValues("Authorization")));
        }
    }

    // Test oracle only: the suite's documented derivation (canonical request → string to sign → HMAC chain).
    private static string SignWithExtraHeaders(string suiteCanonicalRequest, IReadOnlyList<string> signedHeaders, HttpRequestMessage sent)
    {
        var lines = suiteCanonicalRequest.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var payloadHash = lines[^1];
        var blank = lines.IndexOf(string.Empty, 3);
        var headerLines = lines[3..blank];
        foreach (var name in signedHeaders.Where(h => !headerLines.Any(l => l.StartsWith(h + ":", StringComparison.Ordinal))))
        {
            var value = sent.Headers.TryGetValues(name, out var values) ? values : sent.Content!.Headers.GetValues(name);
            headerLines.Add($"{name}:{string.Join(",", value).Trim()}");
        }

        headerLines.Sort(StringComparer.Ordinal);
        var canonical = string.Join("\n", lines[..3].Concat(headerLines).Append(string.Empty).Append(string.Join(";", signedHeaders)).Append(payloadHash));
        var stringToSign = $"AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        foreach (var part in ScopeParts)
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private sealed record Authorization(string Credential, IReadOnlyList<string> SignedHeaders, string Signature)
    {
        public static Authorization Parse(string header)
        {
            var parts = header["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            return new(parts["Credential"], parts["SignedHeaders"].Split(';'), parts["Signature"]);
        }
    }

    private static (string Method, string PathAndQuery, List<(string Name, string Value)> Headers, string? Body) ParseRequest(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var requestLine = lines[0].Split(' ');
        var headers = new List<(string, string)>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            headers.Add((lines[index][..colon], lines[index][(colon + 1)..]));
        }

        var body = index < lines.Length - 1 ? string.Join("\n", lines[(index + 1)..]) : null;
        return (requestLine[0], string.Join(' ', requestLine[1..^1]), headers, string.IsNullOrEmpty(body) ? null : body);
    }
}
