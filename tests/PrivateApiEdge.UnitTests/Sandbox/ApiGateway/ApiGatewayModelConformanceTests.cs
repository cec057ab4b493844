using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.UnitTests.Sandbox.DataPath;

namespace PrivateApiEdge.UnitTests.Sandbox.ApiGateway;

public sealed class ApiGatewayModelConformanceTests
{
    [Fact]
    public async Task Every_answer_of_the_portals_api_gateway_sequence_conforms_to_the_apigateway_model()
    {
        await using var calls = await SandboxEdgeCalls.StartAsync();
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"StringEquals":{"aws:sourceVpce":["vpce-0123"]}}}]}""";

        var (apiBody, _) = await ApiAsync(calls, "CreateRestApi", HttpMethod.Post, "/restapis", new JsonObject
        {
            ["name"] = "hello",
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("PRIVATE"), ["vpcEndpointIds"] = new JsonArray("vpce-0123") },
            ["policy"] = policy,
            ["tags"] = new JsonObject { ["privateapiedge:deployment"] = "d-1" },
        });
        var api = JsonNode.Parse(apiBody)!;
        var (id, root) = (api["id"]!.GetValue<string>(), api["rootResourceId"]!.GetValue<string>());
        await ApiAsync(calls, "GetRestApi", HttpMethod.Get, $"/restapis/{id}");
        await ApiAsync(calls, "GetRestApis", HttpMethod.Get, "/restapis?limit=5");
        await ApiAsync(calls, "UpdateRestApi", HttpMethod.Patch, $"/restapis/{id}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/description", ["value"] = "hello api" }),
        });
        await ApiAsync(calls, "GetResources", HttpMethod.Get, $"/restapis/{id}/resources");
        var method = $"/restapis/{id}/resources/{root}/methods/GET";
        await ApiAsync(calls, "PutMethod", HttpMethod.Put, method, new JsonObject { ["authorizationType"] = "NONE" });
        await ApiAsync(calls, "PutMethodResponse", HttpMethod.Put, method + "/responses/200", new JsonObject());
        await ApiAsync(calls, "PutIntegration", HttpMethod.Put, method + "/integration", new JsonObject
        {
            ["type"] = "MOCK",
            ["requestTemplates"] = new JsonObject { ["application/json"] = """{"statusCode": 200}""" },
        });
        await ApiAsync(calls, "PutIntegrationResponse", HttpMethod.Put, method + "/integration/responses/200", new JsonObject
        {
            ["selectionPattern"] = "",
            ["responseTemplates"] = new JsonObject { ["application/json"] = """{"message": "Hello from API GW"}""" },
        });
        await ApiAsync(calls, "GetMethod", HttpMethod.Get, method);
        await ApiAsync(calls, "GetResources", HttpMethod.Get, $"/restapis/{id}/resources?embed=methods");
        await ApiAsync(calls, "CreateDeployment", HttpMethod.Post, $"/restapis/{id}/deployments", new JsonObject { ["stageName"] = "prod" });
        await ApiAsync(calls, "GetStage", HttpMethod.Get, $"/restapis/{id}/stages/prod");
        await ApiAsync(calls, "GetStages", HttpMethod.Get, $"/restapis/{id}/stages");
        await ApiAsync(calls, "CreateDomainName", HttpMethod.Post, "/domainnames", new JsonObject
        {
            ["domainName"] = SandboxSeed.DemoApiHostName,
            ["regionalCertificateArn"] = SandboxSeed.RegionalCertificateArn,
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("REGIONAL") },
            ["securityPolicy"] = "TLS_1_2",
        });
        await ApiAsync(calls, "GetDomainName", HttpMethod.Get, $"/domainnames/{SandboxSeed.DemoApiHostName}");
        await ApiAsync(calls, "GetDomainNames", HttpMethod.Get, "/domainnames");
        await ApiAsync(calls, "CreateBasePathMapping", HttpMethod.Post, $"/domainnames/{SandboxSeed.DemoApiHostName}/basepathmappings",
            new JsonObject { ["restApiId"] = id, ["stage"] = "prod" });
        await ApiAsync(calls, "GetBasePathMappings", HttpMethod.Get, $"/domainnames/{SandboxSeed.DemoApiHostName}/basepathmappings");
        await ApiAsync(calls, "GetBasePathMapping", HttpMethod.Get, $"/domainnames/{SandboxSeed.DemoApiHostName}/basepathmappings/(none)");
        var arn = Uri.EscapeDataString($"arn:aws:apigateway:{SandboxEdgeCalls.Region}::/restapis/{id}");
        await ApiAsync(calls, "TagResource", HttpMethod.Put, $"/tags/{arn}", new JsonObject { ["tags"] = new JsonObject { ["team"] = "edge" } });
        await ApiAsync(calls, "GetTags", HttpMethod.Get, $"/tags/{arn}");
        await ApiAsync(calls, "UntagResource", HttpMethod.Delete, $"/tags/{arn}?tagKeys=team");
        await ApiAsync(calls, "DeleteBasePathMapping", HttpMethod.Delete, $"/domainnames/{SandboxSeed.DemoApiHostName}/basepathmappings/(none)");
        await ApiAsync(calls, "DeleteDomainName", HttpMethod.Delete, $"/domainnames/{SandboxSeed.DemoApiHostName}");
        await ApiAsync(calls, "DeleteRestApi", HttpMethod.Delete, $"/restapis/{id}");
    }

    private static Task<(string Body, HttpResponseMessage Response)> ApiAsync(
        SandboxEdgeCalls calls, string operation, HttpMethod method, string path, JsonObject? body = null) =>
        calls.CallAsync("apigateway", operation, "apigateway", method, path, body?.ToJsonString());
}
