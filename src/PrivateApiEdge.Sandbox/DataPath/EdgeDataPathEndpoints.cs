using PrivateApiEdge.Sandbox.Control;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// <c>{METHOD} /_sandbox/edge/{path}?{query}</c> with header <c>X-Sandbox-Host: api.demo.example.com</c>: what
/// <c>{METHOD} https://api.demo.example.com/{path}?{query}</c> would answer if the sandbox were AWS. The response
/// carries CloudFront's headers (Via, X-Cache, X-Amz-Cf-Pop, X-Amz-Cf-Id) and, when a hop breaks the chain,
/// <c>X-Sandbox-Failed-Hop: {hop}: {why}</c>. Unsigned, like a viewer request. <c>X-Sandbox-Viewer-Country: DE</c>
/// says where the viewer is (what CloudFront's GeoIP would find); without it CloudFront cannot place the viewer.
/// </summary>
internal sealed class EdgeDataPathEndpoints(
    SandboxWorld world, IDistributionDirectory cloudFront, ILoadBalancerDirectory loadBalancing, IPrivateApiDirectory apiGateway)
    : ISandboxEndpointModule
{
    public const string HostHeader = "X-Sandbox-Host";
    public const string ViewerCountryHeader = "X-Sandbox-Viewer-Country";

    private readonly EdgeDataPath _dataPath = new(world, new WorldEdgeNetwork(world), cloudFront, loadBalancing, apiGateway);

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/_sandbox/edge/{**path}", async (HttpContext context, string? path) =>
        {
            var host = context.Request.Headers[HostHeader].ToString();
            if (host.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(
                    new { message = $"Send the viewer's host name in the {HostHeader} header, e.g. {HostHeader}: api.demo.example.com" },
                    context.RequestAborted);
                return;
            }

            var country = context.Request.Headers[ViewerCountryHeader].ToString().Trim();
            if (country.Length > 0 && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(
                    new { message = $"{ViewerCountryHeader} takes an ISO 3166-1 alpha-2 country code, e.g. {ViewerCountryHeader}: DE" },
                    context.RequestAborted);
                return;
            }

            var response = _dataPath.Invoke(new EdgeRequest(
                context.Request.Method, host, "/" + (path ?? ""), context.Request.QueryString.Value ?? "", country.Length == 0 ? null : country.ToUpperInvariant()));
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = response.ContentType;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.WriteAsync(response.Body, context.RequestAborted);
            }
        });
    }
}
