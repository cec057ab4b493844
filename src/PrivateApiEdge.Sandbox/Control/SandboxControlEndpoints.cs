using System.Text.Json;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Control;

/// <summary>
/// The sandbox's own control plane: <c>GET /_sandbox/inventory</c>, <c>POST /_sandbox/reset</c>,
/// <c>GET|POST|DELETE /_sandbox/faults</c>.
/// </summary>
internal sealed class SandboxControlEndpoints : ISandboxEndpointModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/_sandbox/inventory", (SandboxWorld world, string? type, string? region, bool? seeded) =>
        {
            var items = world.Inventory()
                .Where(i => type is null || string.Equals(i.Type, type, StringComparison.Ordinal))
                .Where(i => region is null || string.Equals(i.Region, region, StringComparison.Ordinal))
                .Where(i => seeded is null || i.Seeded == seeded)
                .ToList();
            return Results.Ok(new { resources = items });
        });

        endpoints.MapPost("/_sandbox/reset", (SandboxWorld world, FaultInjector faults) =>
        {
            faults.Clear();
            world.Reset();
            return Results.NoContent();
        });

        endpoints.MapGet("/_sandbox/faults", (FaultInjector faults) => Results.Ok(new { rules = faults.Rules }));

        endpoints.MapPost("/_sandbox/faults", async (HttpRequest request, FaultInjector faults) =>
        {
            // One rule or an array of rules, with the property names of SandboxFaultRule (any casing).
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            var rules = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.Deserialize<List<SandboxFaultRule>>(options) ?? []
                : [document.RootElement.Deserialize<SandboxFaultRule>(options)!];
            try
            {
                foreach (var rule in rules)
                {
                    faults.Add(rule);
                }
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { message = ex.Message });
            }

            return Results.Ok(new { rules = faults.Rules });
        });

        endpoints.MapDelete("/_sandbox/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        endpoints.MapGet("/_sandbox/services", (SandboxDispatcher dispatcher) => Results.Ok(new { services = dispatcher.SigningNames.Order(StringComparer.Ordinal) }));
    }
}
