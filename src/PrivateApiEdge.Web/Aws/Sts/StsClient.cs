using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using PrivateApiEdge.Web.Aws.Core;
using Sdk = Amazon.SecurityToken.Model;

namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>The adapter over AWSSDK.SecurityToken; SDK service errors become <see cref="AwsApiException"/>.</summary>
public sealed class StsClient(IAmazonSecurityTokenService sts) : IStsClient
{
    /// <summary>SigV4 signing name of STS.</summary>
    public const string SigningName = "sts";

    /// <summary>
    /// SDK configuration for one session: an explicit <paramref name="serviceUrl"/> (sandbox or endpoint override)
    /// signs for <paramref name="region"/>; without one the SDK uses the regional STS endpoint.
    /// </summary>
    public static AmazonSecurityTokenServiceConfig CreateConfig(string region, Uri? serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        var config = new AmazonSecurityTokenServiceConfig();
        if (serviceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = region;
        }

        return config;
    }

    /// <summary>An adapter over a new SDK client for the given credentials and configuration.</summary>
    public static StsClient Create(AWSCredentials credentials, AmazonSecurityTokenServiceConfig config) => new(new AmazonSecurityTokenServiceClient(credentials, config));

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await sts.GetCallerIdentityAsync(new Sdk.GetCallerIdentityRequest(), cancellationToken);
            return new CallerIdentity(response.Account, response.Arn, response.UserId);
        }
        catch (AmazonServiceException exception)
        {
            throw Translate("GetCallerIdentity", exception);
        }
    }

    public async Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var response = await sts.AssumeRoleAsync(
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
        }
        catch (AmazonServiceException exception)
        {
            throw Translate("AssumeRole", exception);
        }
    }

    // The SDK parses timestamps as UTC; an unspecified kind is treated as UTC rather than as local time.
    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());

    private static AwsApiException Translate(string operation, AmazonServiceException exception) => new(
        SigningName,
        operation,
        string.IsNullOrEmpty(exception.ErrorCode) ? exception.StatusCode.ToString() : exception.ErrorCode,
        exception.Message,
        exception.StatusCode,
        exception.RequestId,
        exception);
}
