using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Seed;

/// <summary>
/// Plants part of the demo account into an empty world (first start without a state file, and on reset).
/// Implementations in the sandbox assembly are discovered; <see cref="Seed"/> runs inside the world's write lock,
/// so it may call <see cref="SandboxWorld.Part{T}"/> directly.
/// </summary>
public interface ISandboxSeeder
{
    /// <summary>Lower runs first (EC2 is 0; seeders that need the seeded VPC or certificates use higher values).</summary>
    int Order { get; }

    void Seed(SandboxWorld world);
}
