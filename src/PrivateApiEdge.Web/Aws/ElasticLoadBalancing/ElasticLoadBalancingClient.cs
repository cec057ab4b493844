using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// ELBv2 over the Query protocol: form-encoded POST to the endpoint root, XML answers. The
/// <see cref="AwsConnection"/> signs (<c>elasticloadbalancing</c>), retries, meters and turns error answers into
/// <see cref="AwsApiException"/>.
/// </summary>
/// <remarks>
/// Every operation is sent as retryable: ELBv2 documents its creates as idempotent (the same name and settings
/// return the existing load balancer, target group or listener) and its deletes succeed for what is gone.
/// </remarks>
public sealed class ElasticLoadBalancingClient(AwsConnection connection) : IElasticLoadBalancingClient
{

    public async Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.CreateLoadBalancer(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateLoadBalancer(xml);
    }

    public async Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.DescribeLoadBalancers(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeLoadBalancers(xml);
    }

    public async Task DeleteLoadBalancerAsync(DeleteLoadBalancerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(ElasticLoadBalancingQueryWriter.DeleteLoadBalancer(request), cancellationToken);
    }

    public async Task<DescribeLoadBalancerAttributesResponse> DescribeLoadBalancerAttributesAsync(DescribeLoadBalancerAttributesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.DescribeLoadBalancerAttributes(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeLoadBalancerAttributes(xml);
    }

    public async Task<ModifyLoadBalancerAttributesResponse> ModifyLoadBalancerAttributesAsync(ModifyLoadBalancerAttributesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.ModifyLoadBalancerAttributes(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.ModifyLoadBalancerAttributes(xml);
    }

    public async Task<CreateTargetGroupResponse> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.CreateTargetGroup(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateTargetGroup(xml);
    }

    public async Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.DescribeTargetGroups(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTargetGroups(xml);
    }

    public async Task DeleteTargetGroupAsync(DeleteTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(ElasticLoadBalancingQueryWriter.DeleteTargetGroup(request), cancellationToken);
    }

    public async Task RegisterTargetsAsync(RegisterTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(ElasticLoadBalancingQueryWriter.RegisterTargets(request), cancellationToken);
    }

    public async Task DeregisterTargetsAsync(DeregisterTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(ElasticLoadBalancingQueryWriter.DeregisterTargets(request), cancellationToken);
    }

    public async Task<DescribeTargetHealthResponse> DescribeTargetHealthAsync(DescribeTargetHealthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.DescribeTargetHealth(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTargetHealth(xml);
    }

    public async Task<CreateListenerResponse> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.CreateListener(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateListener(xml);
    }

    public async Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.DescribeListeners(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeListeners(xml);
    }

    public async Task DeleteListenerAsync(DeleteListenerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(ElasticLoadBalancingQueryWriter.DeleteListener(request), cancellationToken);
    }

    public async Task AddTagsAsync(AddTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(ElasticLoadBalancingQueryWriter.AddTags(request), cancellationToken);
    }

    public async Task<DescribeTagsResponse> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ElasticLoadBalancingQueryWriter.DescribeTags(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTags(xml);
    }

    // Operations without output members: success is the status alone, so an empty body is fine too.
    private async Task SendWithoutResultAsync(AwsQuery query, CancellationToken cancellationToken)
    {
        using var request = query.ToRequest();
        using var response = await connection.SendAsync(request, new AwsOperation(query.Parameters[0].Value), cancellationToken);
    }

    private async Task<XElement> SendAsync(AwsQuery query, CancellationToken cancellationToken)
    {
        var action = query.Parameters[0].Value;
        using var request = query.ToRequest();
        using var response = await connection.SendAsync(request, new AwsOperation(action), cancellationToken);
        return await AwsXml.ReadAsync(response, cancellationToken);
    }
}
