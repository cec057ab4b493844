namespace PrivateApiEdge.Web.Aws.Sts;

/// <summary>
/// STS, in our own records; <see cref="StsClient"/> implements it over AWSSDK.SecurityToken. Failures surface as
/// <see cref="Core.AwsApiException"/> (e.g. <c>AccessDenied</c>).
/// </summary>
public interface IStsClient
{
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);

    Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken);
}
