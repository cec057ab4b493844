namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>Follows <c>position</c> until the last page, like the SDK's paginators.</summary>
public static class ApiGatewayPaginators
{
    public static async Task<IReadOnlyList<RestApi>> GetAllRestApisAsync(this IApiGatewayClient client, GetRestApisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<RestApi>();
        var page = request;
        while (true)
        {
            var response = await client.GetRestApisAsync(page, cancellationToken);
            all.AddRange(response.Items);
            if (string.IsNullOrEmpty(response.Position))
            {
                return all;
            }

            page = page with { Position = response.Position };
        }
    }

    public static async Task<IReadOnlyList<ApiResource>> GetAllResourcesAsync(this IApiGatewayClient client, GetResourcesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<ApiResource>();
        var page = request;
        while (true)
        {
            var response = await client.GetResourcesAsync(page, cancellationToken);
            all.AddRange(response.Items);
            if (string.IsNullOrEmpty(response.Position))
            {
                return all;
            }

            page = page with { Position = response.Position };
        }
    }

    public static async Task<IReadOnlyList<BasePathMapping>> GetAllBasePathMappingsAsync(this IApiGatewayClient client, GetBasePathMappingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<BasePathMapping>();
        var page = request;
        while (true)
        {
            var response = await client.GetBasePathMappingsAsync(page, cancellationToken);
            all.AddRange(response.Items);
            if (string.IsNullOrEmpty(response.Position))
            {
                return all;
            }

            page = page with { Position = response.Position };
        }
    }
}
