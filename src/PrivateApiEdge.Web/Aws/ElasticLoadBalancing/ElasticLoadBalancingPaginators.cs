using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>Every item of a paged describe, following <c>NextMarker</c> until the last page (<see cref="AwsPaging"/>).</summary>
public static class ElasticLoadBalancingPaginators
{
    public static IAsyncEnumerable<LoadBalancer> DescribeAllLoadBalancersAsync(this IElasticLoadBalancingClient client, DescribeLoadBalancersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.DescribeLoadBalancersAsync,
            page => page.LoadBalancers,
            (last, page) => AwsPaging.NextWhen(page.NextMarker, marker => last with { Marker = marker }),
            cancellationToken);
    }

    public static IAsyncEnumerable<TargetGroup> DescribeAllTargetGroupsAsync(this IElasticLoadBalancingClient client, DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.DescribeTargetGroupsAsync,
            page => page.TargetGroups,
            (last, page) => AwsPaging.NextWhen(page.NextMarker, marker => last with { Marker = marker }),
            cancellationToken);
    }

    public static IAsyncEnumerable<Listener> DescribeAllListenersAsync(this IElasticLoadBalancingClient client, DescribeListenersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.DescribeListenersAsync,
            page => page.Listeners,
            (last, page) => AwsPaging.NextWhen(page.NextMarker, marker => last with { Marker = marker }),
            cancellationToken);
    }
}
