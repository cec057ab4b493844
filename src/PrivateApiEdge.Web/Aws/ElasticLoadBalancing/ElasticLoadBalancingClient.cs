using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// ELBv2 over the Query protocol: form-encoded POST to <c>/</c>, XML answers. The <see cref="HttpClient"/> comes
/// with its base address, signing and retries already in its handler pipeline.
/// </summary>
public sealed class ElasticLoadBalancingClient(HttpClient httpClient) : IElasticLoadBalancingClient
{
    /// <summary>SigV4 signing name (credential scope service) of ELBv2.</summary>
    public const string SigningName = "elasticloadbalancing";

    public async Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("CreateLoadBalancer", ElasticLoadBalancingQueryWriter.CreateLoadBalancer(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateLoadBalancer(xml);
    }

    public async Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("DescribeLoadBalancers", ElasticLoadBalancingQueryWriter.DescribeLoadBalancers(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeLoadBalancers(xml);
    }

    public async Task DeleteLoadBalancerAsync(DeleteLoadBalancerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync("DeleteLoadBalancer", ElasticLoadBalancingQueryWriter.DeleteLoadBalancer(request), cancellationToken);
    }

    public async Task<DescribeLoadBalancerAttributesResponse> DescribeLoadBalancerAttributesAsync(DescribeLoadBalancerAttributesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("DescribeLoadBalancerAttributes", ElasticLoadBalancingQueryWriter.DescribeLoadBalancerAttributes(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeLoadBalancerAttributes(xml);
    }

    public async Task<ModifyLoadBalancerAttributesResponse> ModifyLoadBalancerAttributesAsync(ModifyLoadBalancerAttributesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("ModifyLoadBalancerAttributes", ElasticLoadBalancingQueryWriter.ModifyLoadBalancerAttributes(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.ModifyLoadBalancerAttributes(xml);
    }

    public async Task<CreateTargetGroupResponse> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("CreateTargetGroup", ElasticLoadBalancingQueryWriter.CreateTargetGroup(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateTargetGroup(xml);
    }

    public async Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("DescribeTargetGroups", ElasticLoadBalancingQueryWriter.DescribeTargetGroups(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTargetGroups(xml);
    }

    public async Task DeleteTargetGroupAsync(DeleteTargetGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync("DeleteTargetGroup", ElasticLoadBalancingQueryWriter.DeleteTargetGroup(request), cancellationToken);
    }

    public async Task RegisterTargetsAsync(RegisterTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync("RegisterTargets", ElasticLoadBalancingQueryWriter.RegisterTargets(request), cancellationToken);
    }

    public async Task DeregisterTargetsAsync(DeregisterTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync("DeregisterTargets", ElasticLoadBalancingQueryWriter.DeregisterTargets(request), cancellationToken);
    }

    public async Task<DescribeTargetHealthResponse> DescribeTargetHealthAsync(DescribeTargetHealthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("DescribeTargetHealth", ElasticLoadBalancingQueryWriter.DescribeTargetHealth(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTargetHealth(xml);
    }

    public async Task<CreateListenerResponse> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("CreateListener", ElasticLoadBalancingQueryWriter.CreateListener(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.CreateListener(xml);
    }

    public async Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("DescribeListeners", ElasticLoadBalancingQueryWriter.DescribeListeners(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeListeners(xml);
    }

    public async Task DeleteListenerAsync(DeleteListenerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync("DeleteListener", ElasticLoadBalancingQueryWriter.DeleteListener(request), cancellationToken);
    }

    public async Task AddTagsAsync(AddTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendAsync("AddTags", ElasticLoadBalancingQueryWriter.AddTags(request), cancellationToken);
    }

    public async Task<DescribeTagsResponse> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var xml = await SendAsync("DescribeTags", ElasticLoadBalancingQueryWriter.DescribeTags(request), cancellationToken);
        return ElasticLoadBalancingXmlReader.DescribeTags(xml);
    }

    private async Task<string> SendAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent(parameters),
        };
        using var response = await httpClient.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        if (ElasticLoadBalancingXmlReader.Error(body) is { } error)
        {
            throw new AwsApiException(SigningName, action, error.Code, error.Message, response.StatusCode, error.RequestId ?? requestId);
        }

        throw new AwsApiException(SigningName, action, response.StatusCode.ToString(), body, response.StatusCode, requestId);
    }
}
