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

    private readonly SandboxEndpoint _sandbox;

    // One refreshing AssumeRole object per role/external id/session name, so its cached session is reused by
    // every client of every deployment using that role instead of calling STS per deployment run.
    private readonly ConcurrentDictionary<AssumeRoleSettings, AWSCredentials> _assumed = new();

    public AwsCredentialSource(SandboxEndpoint sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _sandbox = sandbox;
    }

    public AWSCredentials GetCredentials(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_sandbox.IsSandbox)
        {
            return Sandbox;
        }

        if (session.AssumeRole is not { } role)
        {
            return DefaultChain;
        }

        return _assumed.GetOrAdd(role, static settings => new AssumeRoleAWSCredentials(
            DefaultChain,
            settings.RoleArn,
            settings.SessionName,
            new AssumeRoleAWSCredentialsOptions { ExternalId = settings.ExternalId }));
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
