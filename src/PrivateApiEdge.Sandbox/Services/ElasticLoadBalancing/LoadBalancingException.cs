namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

/// <summary>An ELBv2 error as the awsQuery protocol reports it (<c>ErrorResponse/Error/Code</c>).</summary>
public sealed class LoadBalancingException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    public static LoadBalancingException Validation(string message) => new("ValidationError", message);

    public static LoadBalancingException InvalidConfiguration(string message) => new("InvalidConfigurationRequest", message);
}
