namespace PrivateApiEdge.Sandbox;

/// <summary>
/// Standalone entry point: <c>dotnet run --project src/PrivateApiEdge.Sandbox -- --urls http://127.0.0.1:4566</c>.
/// A named class rather than top-level statements, because the portal references this assembly and a second
/// global <c>Program</c> would clash with its own.
/// </summary>
public static class SandboxProgram
{
    public static Task Main(string[] args) => SandboxHost.RunStandaloneAsync(args);
}
