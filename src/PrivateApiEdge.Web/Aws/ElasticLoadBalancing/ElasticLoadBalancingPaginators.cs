namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>Follows <c>NextMarker</c> until the last page, like the SDK's paginators.</summary>
public static class ElasticLoadBalancingPaginators
{
    public static async Task<IReadOnlyList<LoadBalancer>> DescribeAllLoadBalancersAsync(this IElasticLoadBalancingClient client, DescribeLoadBalancersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<LoadBalancer>();
        var page = request;
        while (true)
        {
            var response = await client.DescribeLoadBalancersAsync(page, cancellationToken);
            all.AddRange(response.LoadBalancers);
            if (string.IsNullOrEmpty(response.NextMarker))
            {
                return all;
            }

            page = page with { Marker = response.NextMarker };
        }
    }

    public static async Task<IReadOnlyList<TargetGroup>> DescribeAllTargetGroupsAsync(this IElasticLoadBalancingClient client, DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<TargetGroup>();
        var page = request;
        while (true)
        {
            var response = await client.DescribeTargetGroupsAsync(page, cancellationToken);
            all.AddRange(response.TargetGroups);
            if (string.IsNullOrEmpty(response.NextMarker))
            {
                return all;
            }

            page = page with { Marker = response.NextMarker };
        }
    }

    public static async Task<IReadOnlyList<Listener>> DescribeAllListenersAsync(this IElasticLoadBalancingClient client, DescribeListenersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var all = new List<Listener>();
        var page = request;
        while (true)
        {
            var response = await client.DescribeListenersAsync(page, cancellationToken);
            all.AddRange(response.Listeners);
            if (string.IsNullOrEmpty(response.NextMarker))
            {
                return all;
            }

            page = page with { Marker = response.NextMarker };
        }
    }
}
