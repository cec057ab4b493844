using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Supplies the credentials a session signs with. Tests substitute fixed credentials.</summary>
public interface IAwsCredentialSource
{
    /// <summary>Returns credentials that resolve lazily, so building clients never blocks on a credential provider.</summary>
    AWSCredentials GetCredentials(AwsSession session);
}

/// <summary>
/// The SDK default chain, optionally assuming a role per session; fixed dummy credentials against the sandbox
/// (it checks the SigV4 shape, not the secret). Credentials are held by the SDK objects only, never logged.
/// </summary>
public sealed class AwsCredentialSource : IAwsCredentialSource
{
    /// <summary>Access key the sandbox sees; recognisable in its logs, worthless anywhere else.</summary>
    public const string SandboxAccessKeyId = "AKIASANDBOXPORTAL000";

    private static readonly AWSCredentials Sandbox = new BasicAWSCredentials(SandboxAccessKeyId, "sandbox-secret-access-key-not-a-real-secret");
    private static readonly AWSCredentials DefaultChain = new DefaultChainCredentials();

    private readonly CurrentAwsMode _sandbox;
    private readonly AwsEndpointResolver? _endpoints;

    // One refreshing AssumeRole object per role/external id/session name, so its cached session is reused by
    // every client of every deployment using that role instead of calling STS per deployment run.
    private readonly ConcurrentDictionary<AssumeRoleSettings, AWSCredentials> _assumed = new();

    /// <param name="sandbox">Whether the portal talks to the sandbox.</param>
    /// <param name="endpoints">Where STS is reached for AssumeRole (the sandbox, an override or AWS); null uses the SDK's own STS endpoint.</param>
    public AwsCredentialSource(CurrentAwsMode sandbox, AwsEndpointResolver? endpoints = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _sandbox = sandbox;
        _endpoints = endpoints;
    }

    public AWSCredentials GetCredentials(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var source = _sandbox.IsSandbox ? Sandbox : DefaultChain;
        if (session.AssumeRole is not { } role)
        {
            return source;
        }

        if (_endpoints is null && !_sandbox.IsSandbox)
        {
            return _assumed.GetOrAdd(role, static settings => new AssumeRoleAWSCredentials(
                DefaultChain,
                settings.RoleArn,
                settings.SessionName,
                new AssumeRoleAWSCredentialsOptions { ExternalId = settings.ExternalId }));
        }

        // The SDK's AssumeRoleAWSCredentials always calls the public STS endpoint; these go where the portal's STS
        // calls go (the sandbox too, so AssumeRole is exercised end to end there).
        // The endpoint is resolved at the first signature, like the credentials themselves (the sandbox may still be starting).
        var resolver = _endpoints ?? new AwsEndpointResolver(null, _ => null, _sandbox);
        return _assumed.GetOrAdd(role, settings => new StsAssumedRoleCredentials(source, settings, session.Region, resolver));
    }

    /// <summary>
    /// Refreshing credentials from sts:AssumeRole through the SDK's STS client at a given endpoint. The temporary
    /// credentials live only in this object's memory (the SDK's refresh cache); nothing writes or logs them.
    /// </summary>
    private sealed class StsAssumedRoleCredentials(AWSCredentials source, AssumeRoleSettings settings, string region, AwsEndpointResolver endpoints) : RefreshingAWSCredentials
    {
        protected override CredentialsRefreshState GenerateNewCredentials() =>
            GenerateNewCredentialsAsync().GetAwaiter().GetResult();

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            using var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(source, new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoints.Resolve(AwsService.Sts, region).ToString(),
                AuthenticationRegion = region,
            });
            var response = await sts.AssumeRoleAsync(new Amazon.SecurityToken.Model.AssumeRoleRequest
            {
                RoleArn = settings.RoleArn,
                RoleSessionName = settings.SessionName,
                ExternalId = settings.ExternalId,
            }).ConfigureAwait(false);
            var credentials = response.Credentials;
            return new CredentialsRefreshState(
                new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
                credentials.Expiration?.ToUniversalTime() ?? DateTime.UtcNow.AddMinutes(15));
        }
    }

    // Resolving the chain eagerly can wait ~35 s on the instance metadata service; deferring it to the first
    // signature keeps client construction (and page rendering) instant.
    private sealed class DefaultChainCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() =>
            DefaultAWSCredentialsIdentityResolver.GetCredentials().GetCredentials();

        public override async Task<ImmutableCredentials> GetCredentialsAsync() =>
            await (await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false))
                .GetCredentialsAsync().ConfigureAwait(false);
    }
}
