using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Route53;

/// <summary>Plants the demo domain's public zone and the private-zone trap.</summary>
internal sealed class Route53Seeder : ISandboxSeeder
{
    public int Order => 20;

    public void Seed(SandboxWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var route53 = world.Part<Route53State>();
        var now = world.Now;
        route53.HostedZones.Add(Zone(SandboxSeed.PublicHostedZoneId, privateZone: false, now));
        var privateZone = Zone(SandboxSeed.PrivateHostedZoneId, privateZone: true, now);
        privateZone.VpcIds.Add(SandboxSeed.VpcId);
        privateZone.VpcRegion = SandboxSeed.DefaultRegion;
        route53.HostedZones.Add(privateZone);
    }

    private static Route53HostedZone Zone(string id, bool privateZone, DateTimeOffset now)
    {
        var zone = Route53Zones.NewZone(id, SandboxSeed.DemoDomain, "seed-" + id, privateZone, now);
        zone.Seeded = true;
        zone.AccountId = SandboxSeed.AccountId;
        return zone;
    }
}
