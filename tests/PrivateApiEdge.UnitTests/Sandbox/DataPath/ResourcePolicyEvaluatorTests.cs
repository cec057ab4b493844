using PrivateApiEdge.Sandbox.DataPath;

namespace PrivateApiEdge.UnitTests.Sandbox.DataPath;

public sealed class ResourcePolicyEvaluatorTests
{
    private const string MethodArn = "arn:aws:execute-api:eu-west-1:111122223333:abc123/prod/GET/";
    private const string Short = "execute-api:/prod/GET/";

    private const string SamplePolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke",
        "Resource":"execute-api:/*","Condition":{"StringEquals":{"aws:sourceVpce":["vpce-0123"]}}}]}
        """;

    [Fact]
    public void The_sample_policy_allows_its_endpoint()
    {
        var decision = ResourcePolicyEvaluator.Evaluate(SamplePolicy, MethodArn, Short, Context("vpce-0123"));

        Assert.Equal(PolicyDecision.Allow, decision);
    }

    [Fact]
    public void The_sample_policy_does_not_allow_another_endpoint()
    {
        var decision = ResourcePolicyEvaluator.Evaluate(SamplePolicy, MethodArn, Short, Context("vpce-9999"));

        Assert.Equal(PolicyDecision.ImplicitDeny, decision);
    }

    [Fact]
    public void An_explicit_deny_wins_over_an_allow()
    {
        const string Policy = """
            {"Statement":[
              {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"execute-api:*","Resource":"arn:aws:execute-api:*:*:*/*"},
              {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
               "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-0123"}}}]}
            """;

        Assert.Equal(PolicyDecision.Allow, ResourcePolicyEvaluator.Evaluate(Policy, MethodArn, Short, Context("vpce-0123")));
        Assert.Equal(PolicyDecision.ExplicitDeny, ResourcePolicyEvaluator.Evaluate(Policy, MethodArn, Short, Context("vpce-9999")));
    }

    [Fact]
    public void A_policy_as_api_gateway_returns_it_escaped_is_understood()
    {
        var escaped = SamplePolicy.Replace("\"", "\\\"", StringComparison.Ordinal);

        Assert.Equal(PolicyDecision.Allow, ResourcePolicyEvaluator.Evaluate(escaped, MethodArn, Short, Context("vpce-0123")));
    }

    [Fact]
    public void No_policy_allows_nothing() =>
        Assert.Equal(PolicyDecision.ImplicitDeny, ResourcePolicyEvaluator.Evaluate(null, MethodArn, Short, Context("vpce-0123")));

    private static Dictionary<string, string> Context(string vpce) => new(StringComparer.Ordinal)
    {
        ["aws:sourcevpce"] = vpce,
        ["aws:sourcevpc"] = "vpc-1",
    };
}
