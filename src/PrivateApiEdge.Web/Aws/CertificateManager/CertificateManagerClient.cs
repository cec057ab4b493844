using System.Text.Json.Nodes;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.CertificateManager;

/// <summary>ACM 2015-12-08 (JSON 1.1, target prefix CertificateManager) over an <see cref="AwsConnection"/>.</summary>
public sealed class CertificateManagerClient : ICertificateManagerClient
{
    private const string TargetPrefix = "CertificateManager";

    // Both are reads, so resending is always harmless.
    private static readonly AwsOperation DescribeCertificate = new("DescribeCertificate");
    private static readonly AwsOperation ListCertificates = new("ListCertificates");

    private readonly AwsConnection _connection;

    public CertificateManagerClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public async Task<DescribeCertificateResponse> DescribeCertificateAsync(DescribeCertificateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject { ["CertificateArn"] = request.CertificateArn };
        using var message = AwsJson.CreateJson11Request(TargetPrefix, DescribeCertificate.Name, body);
        using var response = await _connection.SendAsync(message, DescribeCertificate, cancellationToken).ConfigureAwait(false);
        var json = await AwsJson.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var certificate = json["Certificate"] ?? throw new FormatException("DescribeCertificate answered without Certificate.");
        return new DescribeCertificateResponse(new CertificateDetail
        {
            CertificateArn = certificate.Text("CertificateArn") ?? request.CertificateArn,
            DomainName = certificate.Text("DomainName") ?? string.Empty,
            SubjectAlternativeNames = certificate.TextList("SubjectAlternativeNames"),
            Status = certificate.Text("Status") ?? string.Empty,
            Type = certificate.Text("Type"),
            KeyAlgorithm = certificate.Text("KeyAlgorithm"),
            NotBefore = certificate.EpochSeconds("NotBefore"),
            NotAfter = certificate.EpochSeconds("NotAfter"),
            InUseBy = certificate.TextList("InUseBy"),
            FailureReason = certificate.Text("FailureReason"),
            RenewalEligibility = certificate.Text("RenewalEligibility"),
        });
    }

    public async Task<ListCertificatesResponse> ListCertificatesAsync(ListCertificatesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject();
        if (request.CertificateStatuses.Count > 0)
        {
            body["CertificateStatuses"] = Array(request.CertificateStatuses);
        }

        if (request.Includes is { } includes)
        {
            // ACM's Filters members are camelCase on the wire (extendedKeyUsage, keyUsage, keyTypes).
            var filters = new JsonObject();
            if (includes.ExtendedKeyUsage.Count > 0)
            {
                filters["extendedKeyUsage"] = Array(includes.ExtendedKeyUsage);
            }

            if (includes.KeyUsage.Count > 0)
            {
                filters["keyUsage"] = Array(includes.KeyUsage);
            }

            if (includes.KeyTypes.Count > 0)
            {
                filters["keyTypes"] = Array(includes.KeyTypes);
            }

            body["Includes"] = filters;
        }

        if (request.NextToken is not null)
        {
            body["NextToken"] = request.NextToken;
        }

        if (request.MaxItems is { } maxItems)
        {
            body["MaxItems"] = maxItems;
        }

        using var message = AwsJson.CreateJson11Request(TargetPrefix, ListCertificates.Name, body);
        using var response = await _connection.SendAsync(message, ListCertificates, cancellationToken).ConfigureAwait(false);
        var json = await AwsJson.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var items = json.List("CertificateSummaryList").Select(item => new CertificateSummary
        {
            CertificateArn = item.Text("CertificateArn") ?? string.Empty,
            DomainName = item.Text("DomainName") ?? string.Empty,
            SubjectAlternativeNameSummaries = item.TextList("SubjectAlternativeNameSummaries"),
            HasAdditionalSubjectAlternativeNames = item.Bool("HasAdditionalSubjectAlternativeNames") ?? false,
            Status = item.Text("Status"),
            Type = item.Text("Type"),
            KeyAlgorithm = item.Text("KeyAlgorithm"),
            InUse = item.Bool("InUse"),
            NotAfter = item.EpochSeconds("NotAfter"),
        }).ToList();
        return new ListCertificatesResponse(items, json.Text("NextToken"));
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
