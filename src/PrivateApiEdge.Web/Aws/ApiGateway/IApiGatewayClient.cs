namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>API Gateway REST APIs, v1 (REST-JSON). Operations arrive with the AWS clients issue.</summary>
public interface IApiGatewayClient
{
}
