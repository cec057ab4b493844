using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>Every item of a paged list, following <c>position</c> until the last page (<see cref="AwsPaging"/>).</summary>
public static class ApiGatewayPaginators
{
    public static IAsyncEnumerable<RestApi> GetAllRestApisAsync(this IApiGatewayClient client, GetRestApisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.GetRestApisAsync,
            page => page.Items,
            (last, page) => AwsPaging.NextWhen(page.Position, position => last with { Position = position }),
            cancellationToken);
    }

    public static IAsyncEnumerable<ApiResource> GetAllResourcesAsync(this IApiGatewayClient client, GetResourcesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.GetResourcesAsync,
            page => page.Items,
            (last, page) => AwsPaging.NextWhen(page.Position, position => last with { Position = position }),
            cancellationToken);
    }

    public static IAsyncEnumerable<BasePathMapping> GetAllBasePathMappingsAsync(this IApiGatewayClient client, GetBasePathMappingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.GetBasePathMappingsAsync,
            page => page.Items,
            (last, page) => AwsPaging.NextWhen(page.Position, position => last with { Position = position }),
            cancellationToken);
    }
}
