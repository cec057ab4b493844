using Amazon.Runtime.CredentialManagement;

namespace PrivateApiEdge.Web.Aws;

/// <summary>
/// Decides, once at startup, whether <see cref="AwsMode.Auto"/> means the sandbox or real AWS.
/// </summary>
/// <remarks>
/// Only cheap, local signals count: environment credentials, an endpoint override, or a profile in the shared
/// config files. Probing the full default chain would hit the EC2 instance metadata service, which on a laptop
/// means a multi-second timeout at every start.
/// </remarks>
public static class AwsModeDetector
{
    public static AwsMode Resolve(AwsMode configured, Func<string, string?> environment)
    {
        if (configured != AwsMode.Auto)
        {
            return configured;
        }

        string[] signals = ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];
        if (signals.Any(name => !string.IsNullOrEmpty(environment(name))))
        {
            return AwsMode.Aws;
        }

        var profiles = new CredentialProfileStoreChain();
        return profiles.TryGetProfile("default", out _) ? AwsMode.Aws : AwsMode.Sandbox;
    }
}
