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

    internal void SetBaseAddress(Uri baseAddress) => Volatile.Write(ref _baseAddress, baseAddress);
}
