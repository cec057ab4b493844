using Amazon.Runtime;
using Amazon.SecurityToken;
using PrivateApiEdge.Web.Aws.Core;
using Sdk = Amazon.SecurityToken.Model;

namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>The adapter over AWSSDK.SecurityToken; SDK service errors become <see cref="AwsApiException"/> (through <see cref="AwsSdkCallRunner"/>).</summary>
public sealed class StsClient : IStsClient
{
    // The SDK retries by itself; the retry mode only matters to the thin clients' pipeline.
    private static readonly AwsOperation GetCallerIdentity = new("GetCallerIdentity");
    private static readonly AwsOperation AssumeRole = new("AssumeRole");

    private readonly IAmazonSecurityTokenService _sts;
    private readonly AwsSdkCallRunner _calls;

    /// <param name="sts">The SDK client, configured for one session.</param>
    /// <param name="calls">Error translation and metering; null translates errors without metering.</param>
    public StsClient(IAmazonSecurityTokenService sts, AwsSdkCallRunner? calls = null)
    {
        ArgumentNullException.ThrowIfNull(sts);
        _sts = sts;
        _calls = calls ?? new AwsSdkCallRunner(AwsService.Sts);
    }

    /// <summary>
    /// SDK configuration for one session: the endpoint the shared resolver picked (sandbox, override or the real
    /// regional one), signed for the session's region.
    /// </summary>
    public static AmazonSecurityTokenServiceConfig CreateConfig(string region, Uri serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = region,
        };
    }

    public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken) =>
        _calls.RunAsync(GetCallerIdentity, async () =>
        {
            var response = await _sts.GetCallerIdentityAsync(new Sdk.GetCallerIdentityRequest(), cancellationToken);
            return new CallerIdentity(response.Account, response.Arn, response.UserId);
        });

    public Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(AssumeRole, async () =>
        {
            var response = await _sts.AssumeRoleAsync(
                new Sdk.AssumeRoleRequest
                {
                    RoleArn = request.RoleArn,
                    RoleSessionName = request.RoleSessionName,
                    ExternalId = request.ExternalId,
                    DurationSeconds = request.DurationSeconds,
                },
                cancellationToken);
            var credentials = response.Credentials;
            return new AssumeRoleResponse(
                new TemporaryCredentials(
                    credentials.AccessKeyId,
                    credentials.SecretAccessKey,
                    credentials.SessionToken,
                    credentials.Expiration is { } expiration ? Utc(expiration) : DateTimeOffset.MinValue),
                response.AssumedRoleUser?.Arn,
                response.AssumedRoleUser?.AssumedRoleId);
        });
    }

    // The SDK parses timestamps as UTC; an unspecified kind is treated as UTC rather than as local time.
    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
}
