namespace PrivateApiEdge.Sandbox.Control;

/// <summary>
/// Extra HTTP endpoints on the sandbox host besides the signed AWS APIs (the control plane, the simulated data
/// path). Implementations in the sandbox assembly are discovered and mapped at startup; keep routes under
/// <c>/_sandbox/</c> so they never shadow an AWS URI.
/// </summary>
public interface ISandboxEndpointModule
{
    void Map(IEndpointRouteBuilder endpoints);
}
