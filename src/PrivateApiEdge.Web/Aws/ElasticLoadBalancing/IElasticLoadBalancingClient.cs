namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>Elastic Load Balancing v2 (Query protocol, XML responses). Operations arrive with the AWS clients issue.</summary>
public interface IElasticLoadBalancingClient
{
}
