using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// ELBv2 over the Query protocol: form-encoded POST to the endpoint root, XML answers. The
/// <see cref="AwsConnection"/> signs (<c>elasticloadbalancing</c>), retries, meters and turns error answers into
/// <see cref="AwsApiException"/>.
/// </summary>
public sealed class ElasticLoadBalancingClient : IElasticLoadBalancingClient
{
    // Every operation is retryable: ELBv2 documents its creates as idempotent (the same name and settings return
    // the existing load balancer, target group or listener) and its deletes succeed for what is gone.
    private static readonly AwsOperation CreateLoadBalancer = new("CreateLoadBalancer");
    private static readonly AwsOperation DescribeLoadBalancers = new("DescribeLoadBalancers");
    private static readonly AwsOperation DeleteLoadBalancer = new("DeleteLoadBalancer");
    private static readonly AwsOperation DescribeLoadBalancerAttributes = new("DescribeLoadBalancerAttributes");
    private static readonly AwsOperation ModifyLoadBalancerAttributes = new("ModifyLoadBalancerAttributes");
    private static readonly AwsOperation CreateTargetGroup = new("CreateTargetGroup");
    private static readonly AwsOperation DescribeTargetGroups = new("DescribeTargetGroups");
    private static readonly AwsOperation DeleteTargetGroup = new("DeleteTargetGroup");
    private static readonly AwsOperation RegisterTargets = new("RegisterTargets");
    private static readonly AwsOperation DeregisterTargets = new("DeregisterTargets");
    private static readonly AwsOperation DescribeTargetHealth = new("DescribeTargetHealth");
    private static readonly AwsOperation CreateListener = new("CreateListener");
    private static readonly AwsOperation DescribeListeners = new("DescribeListeners");
    private static readonly AwsOperation DeleteListener = new("DeleteListener");
    private static readonly AwsOperation AddTags = new("AddTags");
    private static readonly AwsOperation DescribeTags = new("DescribeTags");

    private readonly AwsConnection _connection;

    public ElasticLoadBalancingClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public async Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(CreateLoadBalancer, ElasticLoadBalancingQueryWriter.CreateLoadBalancer(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateLoadBalancer(xml);
    }

    public async Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(DescribeLoadBalancers, ElasticLoadBalancingQueryWriter.DescribeLoadBalancers(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeLoadBalancers(xml);
    }

    public async Task DeleteLoadBalancerAsync(DeleteLoadBalancerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(DeleteLoadBalancer, ElasticLoadBalancingQueryWriter.DeleteLoadBalancer(request), cancellationToken);
    }

    public async Task<DescribeLoadBalancerAttributesResponse> DescribeLoadBalancerAttributesAsync(DescribeLoadBalancerAttributesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(DescribeLoadBalancerAttributes, ElasticLoadBalancingQueryWriter.DescribeLoadBalancerAttributes(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeLoadBalancerAttributes(xml);
    }

    public async Task<ModifyLoadBalancerAttributesResponse> ModifyLoadBalancerAttributesAsync(ModifyLoadBalancerAttributesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(ModifyLoadBalancerAttributes, ElasticLoadBalancingQueryWriter.ModifyLoadBalancerAttributes(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.ModifyLoadBalancerAttributes(xml);
    }

    public async Task<CreateTargetGroupResponse> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(CreateTargetGroup, ElasticLoadBalancingQueryWriter.CreateTargetGroup(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateTargetGroup(xml);
    }

    public async Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(DescribeTargetGroups, ElasticLoadBalancingQueryWriter.DescribeTargetGroups(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTargetGroups(xml);
    }

    public async Task DeleteTargetGroupAsync(DeleteTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(DeleteTargetGroup, ElasticLoadBalancingQueryWriter.DeleteTargetGroup(request), cancellationToken);
    }

    public async Task RegisterTargetsAsync(RegisterTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(RegisterTargets, ElasticLoadBalancingQueryWriter.RegisterTargets(request), cancellationToken);
    }

    public async Task DeregisterTargetsAsync(DeregisterTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(DeregisterTargets, ElasticLoadBalancingQueryWriter.DeregisterTargets(request), cancellationToken);
    }

    public async Task<DescribeTargetHealthResponse> DescribeTargetHealthAsync(DescribeTargetHealthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(DescribeTargetHealth, ElasticLoadBalancingQueryWriter.DescribeTargetHealth(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTargetHealth(xml);
    }

    public async Task<CreateListenerResponse> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(CreateListener, ElasticLoadBalancingQueryWriter.CreateListener(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateListener(xml);
    }

    public async Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(DescribeListeners, ElasticLoadBalancingQueryWriter.DescribeListeners(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeListeners(xml);
    }

    public async Task DeleteListenerAsync(DeleteListenerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(DeleteListener, ElasticLoadBalancingQueryWriter.DeleteListener(request), cancellationToken);
    }

    public async Task AddTagsAsync(AddTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendWithoutResultAsync(AddTags, ElasticLoadBalancingQueryWriter.AddTags(request), cancellationToken);
    }

    public async Task<DescribeTagsResponse> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync(DescribeTags, ElasticLoadBalancingQueryWriter.DescribeTags(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTags(xml);
    }

    // Operations without output members: success is the status alone, so an empty body is fine too.
    private async Task SendWithoutResultAsync(AwsOperation operation, AwsQuery query, CancellationToken cancellationToken)
    {
        using var request = query.ToRequest();
        using var response = await _connection.SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<XElement> SendAsync(AwsOperation operation, AwsQuery query, CancellationToken cancellationToken)
    {
        using var request = query.ToRequest();
        using var response = await _connection.SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        return await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
