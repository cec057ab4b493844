namespace PrivateApiEdge.Web.Aws;

/// <summary>
/// Where the in-process sandbox listens, once it has started. Null in AWS mode.
/// </summary>
public sealed class SandboxEndpoint
{
    private Uri? _baseAddress;

    public AwsMode Mode { get; init; }

    public bool IsSandbox => Mode == AwsMode.Sandbox;

    public Uri? BaseAddress => Volatile.Read(ref _baseAddress);

    /// <summary>
    /// In AWS mode, a standalone sandbox the endpoint overrides point at (<c>Aws:StandaloneSandboxUrl</c>): viewer
    /// requests of the endpoint test go through its data path. Null otherwise.
    /// </summary>
    public Uri? StandaloneAddress { get; init; }

    /// <summary>Where the endpoint test sends viewer requests instead of the public domain, if anywhere.</summary>
    public Uri? DataPathAddress => IsSandbox ? BaseAddress : StandaloneAddress;

    internal void SetBaseAddress(Uri baseAddress) => Volatile.Write(ref _baseAddress, baseAddress);
}
