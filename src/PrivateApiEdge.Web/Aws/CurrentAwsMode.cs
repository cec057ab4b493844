namespace PrivateApiEdge.Web.Aws;

/// <summary>
/// The AWS mode the portal runs in (real AWS or the sandbox), and where viewer requests of the endpoint test go:
/// the in-process sandbox once it has started (sandbox mode), or a standalone sandbox (AWS mode, optional).
/// </summary>
public sealed class CurrentAwsMode
{
    private Uri? _baseAddress;

    public AwsMode Mode { get; init; }

    public bool IsSandbox => Mode == AwsMode.Sandbox;

    /// <summary>Where the in-process sandbox listens, once it has started. Null in AWS mode.</summary>
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
