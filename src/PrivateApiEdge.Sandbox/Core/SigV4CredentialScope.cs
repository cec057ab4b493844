using Microsoft.AspNetCore.Http;

namespace PrivateApiEdge.Sandbox.Core;

/// <summary>
/// The credential scope of a SigV4-signed request (<c>AKID/20250101/us-east-1/ec2/aws4_request</c>), from the
/// Authorization header or, for presigned URLs, the <c>X-Amz-Credential</c> query parameter. Signatures are
/// not verified: the sandbox accepts any credentials, as LocalStack and moto do.
/// </summary>
public sealed record SigV4CredentialScope(string AccessKeyId, string Date, string Region, string Service)
{
    public static SigV4CredentialScope? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? credential = null;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("AWS4-HMAC-SHA256", StringComparison.Ordinal))
        {
            var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
            if (start >= 0)
            {
                start += "Credential=".Length;
                var end = authorization.IndexOf(',', start);
                credential = (end < 0 ? authorization[start..] : authorization[start..end]).Trim();
            }
        }
        else if (request.Query.TryGetValue("X-Amz-Credential", out var fromQuery))
        {
            credential = fromQuery.ToString();
        }

        return credential is null ? null : Parse(credential);
    }

    public static SigV4CredentialScope? Parse(string credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts.Any(string.IsNullOrEmpty))
        {
            return null;
        }

        return new SigV4CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }
}
