using System.Text;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CertificateManager;

/// <summary>ACM (json 1.1, target prefix <c>CertificateManager</c>): certificates per region.</summary>
public sealed class CertificateManagerService(SandboxWorld world) : ISandboxService
{
    private readonly SandboxWorld _world = world;

    public string SigningName => "acm";

    public SandboxProtocol Protocol => SandboxProtocol.Json;

    public string XmlNamespace => string.Empty;

    public SandboxErrorCode ThrottlingError { get; } = new("ThrottlingException", 400, "Rate exceeded");

    public SandboxOperation? Resolve(SandboxRequest request) => JsonProtocol.TargetOperation(request, "CertificateManager") switch
    {
        "DescribeCertificate" => SandboxOperation.Sync("DescribeCertificate", DescribeCertificate),
        "ListCertificates" => SandboxOperation.Sync("ListCertificates", ListCertificates),
        _ => null,
    };

    private SandboxResponse DescribeCertificate(SandboxRequest request)
    {
        var body = JsonProtocol.ReadObject(request);
        var arn = body["CertificateArn"]?.GetValue<string>()
            ?? throw new SandboxServiceException("ValidationException", "1 validation error detected: Value null at 'certificateArn' failed to satisfy constraint: Member must not be null");
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "acm" || !parts[5].StartsWith("certificate/", StringComparison.Ordinal))
        {
            throw new SandboxServiceException("InvalidArnException", $"String '{arn}' is not a valid ARN.");
        }

        return _world.Read(world =>
        {
            var certificate = world.Part<AcmState>().Find(arn);
            if (certificate is null || certificate.Region != request.Region || !certificate.IsVisible(request.Now))
            {
                throw new SandboxServiceException("ResourceNotFoundException", $"Could not find certificate {arn}.");
            }

            return JsonProtocol.Json11(new JsonObject { ["Certificate"] = Detail(certificate, request.Now) });
        });
    }

    private SandboxResponse ListCertificates(SandboxRequest request)
    {
        var body = JsonProtocol.ReadObject(request);
        var statuses = body["CertificateStatuses"]?.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var includes = body["Includes"];
        var keyTypes = Strings(includes?["keyTypes"]);
        var extendedKeyUsages = Strings(includes?["extendedKeyUsage"]);
        var keyUsages = Strings(includes?["keyUsage"]);
        var managedBy = includes?["managedBy"]?.GetValue<string>();
        var maxItems = body["MaxItems"]?.GetValue<int>() ?? 1000;
        if (maxItems is < 1 or > 1000)
        {
            throw new SandboxServiceException("ValidationException",
                $"1 validation error detected: Value '{maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000");
        }

        var offset = 0;
        if (body["NextToken"]?.GetValue<string>() is { Length: > 0 } token)
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new SandboxServiceException("InvalidArgsException", "The NextToken is invalid.");
            }
        }

        return _world.Read(world =>
        {
            var now = request.Now;

            // Without Includes.keyTypes ACM lists RSA_2048 certificates only; all ours are.
            var matching = world.Part<AcmState>().Certificates
                .Where(c => c.Region == request.Region && c.IsVisible(now))
                .Where(c => statuses is null || statuses.Count == 0 || statuses.Contains(c.StatusAt(now)))
                .Where(c => keyTypes is null ? c.KeyAlgorithm == "RSA_2048" : keyTypes.Contains(c.KeyAlgorithm))
                .Where(c => extendedKeyUsages is null || extendedKeyUsages.Contains("ANY") || extendedKeyUsages.Intersect(ExtendedKeyUsageNames).Any())
                .Where(c => keyUsages is null || keyUsages.Contains("ANY") || keyUsages.Intersect(KeyUsageNames).Any())

                // No sandbox certificate is managed by another service (CloudFront-managed certificates).
                .Where(c => managedBy is null)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Arn, StringComparer.Ordinal)
                .ToList();
            var page = matching.Skip(offset).Take(maxItems).ToList();
            var response = new JsonObject
            {
                ["CertificateSummaryList"] = new JsonArray(page.Select(c => (JsonNode)Summary(c, now)).ToArray()),
            };
            if (offset + page.Count < matching.Count)
            {
                response["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return JsonProtocol.Json11(response);
        });
    }

    /// <summary>What every sandbox certificate allows, as an ACM-issued TLS server certificate does.</summary>
    private static readonly string[] KeyUsageNames = ["DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"];
    private static readonly string[] ExtendedKeyUsageNames = ["TLS_WEB_SERVER_AUTHENTICATION", "TLS_WEB_CLIENT_AUTHENTICATION"];

    private static List<string>? Strings(JsonNode? node) => node?.AsArray().Select(s => s!.GetValue<string>()).ToList();

    private static JsonObject Summary(AcmCertificate certificate, DateTimeOffset now) => new()
    {
        ["CertificateArn"] = certificate.Arn,
        ["DomainName"] = certificate.DomainName,
        ["SubjectAlternativeNameSummaries"] = new JsonArray(certificate.SubjectAlternativeNames.Select(n => (JsonNode)n!).ToArray()),
        ["HasAdditionalSubjectAlternativeNames"] = false,
        ["Status"] = certificate.StatusAt(now),
        ["Type"] = certificate.Type,
        ["KeyAlgorithm"] = certificate.KeyAlgorithm,
        ["KeyUsages"] = new JsonArray([.. KeyUsageNames.Select(n => (JsonNode)n)]),
        ["ExtendedKeyUsages"] = new JsonArray([.. ExtendedKeyUsageNames.Select(n => (JsonNode)n)]),
        ["InUse"] = certificate.InUseBy.Count > 0,
        ["RenewalEligibility"] = certificate.InUseBy.Count > 0 ? "ELIGIBLE" : "INELIGIBLE",
        ["NotBefore"] = JsonProtocol.EpochSeconds(certificate.NotBefore),
        ["NotAfter"] = JsonProtocol.EpochSeconds(certificate.NotAfter),
        ["CreatedAt"] = JsonProtocol.EpochSeconds(certificate.CreatedAt),
        ["IssuedAt"] = JsonProtocol.EpochSeconds(certificate.NotBefore),
    };

    private static JsonObject Detail(AcmCertificate certificate, DateTimeOffset now) => new()
    {
        ["CertificateArn"] = certificate.Arn,
        ["DomainName"] = certificate.DomainName,
        ["SubjectAlternativeNames"] = new JsonArray(certificate.SubjectAlternativeNames.Select(n => (JsonNode)n!).ToArray()),
        ["DomainValidationOptions"] = new JsonArray(certificate.SubjectAlternativeNames.Select(n => (JsonNode)new JsonObject
        {
            ["DomainName"] = n,
            ["ValidationDomain"] = n.TrimStart('*', '.'),
            ["ValidationStatus"] = "SUCCESS",
            ["ValidationMethod"] = "DNS",
        }).ToArray()),
        ["Serial"] = "0d:3e:" + certificate.Id[..2] + ":00:00:00:00:01",
        ["Subject"] = "CN=" + certificate.DomainName,
        ["Issuer"] = "Amazon",
        ["CreatedAt"] = JsonProtocol.EpochSeconds(certificate.CreatedAt),
        ["IssuedAt"] = JsonProtocol.EpochSeconds(certificate.NotBefore),
        ["Status"] = certificate.StatusAt(now),
        ["NotBefore"] = JsonProtocol.EpochSeconds(certificate.NotBefore),
        ["NotAfter"] = JsonProtocol.EpochSeconds(certificate.NotAfter),
        ["KeyAlgorithm"] = certificate.KeyAlgorithm,
        ["SignatureAlgorithm"] = "SHA256WITHRSA",
        ["InUseBy"] = new JsonArray(certificate.InUseBy.Select(a => (JsonNode)a!).ToArray()),
        ["Type"] = certificate.Type,
        ["KeyUsages"] = new JsonArray(new JsonObject { ["Name"] = "DIGITAL_SIGNATURE" }, new JsonObject { ["Name"] = "KEY_ENCIPHERMENT" }),
        ["ExtendedKeyUsages"] = new JsonArray(
            new JsonObject { ["Name"] = "TLS_WEB_SERVER_AUTHENTICATION", ["OID"] = "1.3.6.1.5.5.7.3.1" },
            new JsonObject { ["Name"] = "TLS_WEB_CLIENT_AUTHENTICATION", ["OID"] = "1.3.6.1.5.5.7.3.2" }),
        ["RenewalEligibility"] = certificate.InUseBy.Count > 0 ? "ELIGIBLE" : "INELIGIBLE",
        ["Options"] = new JsonObject { ["CertificateTransparencyLoggingPreference"] = "ENABLED" },
    };
}
