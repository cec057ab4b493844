using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.ApiGateway;

public sealed class ApiGatewayClientTests : IDisposable
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"StringEquals":{"aws:sourceVpce":["vpce-0a1b2c3d"]}}}]}""";
    private const string CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/3f2a1b7c-0d6e-4e0f-9a1b-2c3d4e5f6a7b";
    private const string RestApiJson = """
        {"id":"a1b2c3d4e5","name":"pae-1234","createdDate":1764032523.5,"apiKeySource":"HEADER",
         "endpointConfiguration":{"types":["PRIVATE"],"vpcEndpointIds":["vpce-0a1b2c3d"],"ipAddressType":"ipv4"},
         "policy":"{\"Version\":\"2012-10-17\"}","tags":{"privateapiedge:deployment":"1234"},
         "disableExecuteApiEndpoint":false,"rootResourceId":"r00t1d","apiStatus":"AVAILABLE"}
        """;

    private static readonly AwsModel Model = AwsModel.Load("apigateway");

    private readonly AwsTestPipeline _pipeline = new(maxRetryAttempts: 0);
    private readonly ApiGatewayClient _client;

    public ApiGatewayClientTests()
    {
        _client = new ApiGatewayClient(_pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1"), AwsService.ApiGateway));
    }

    private RecordedRequest Sent => _pipeline.Transport.OnlyRequest;

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task CreateRestApi_posts_a_private_api_with_its_endpoint_policy_and_tags()
    {
        Answer("CreateRestApi", RestApiJson, HttpStatusCode.Created);

        var api = await _client.CreateRestApiAsync(
            new CreateRestApiRequest
            {
                Name = "pae-1234",
                EndpointConfiguration = new EndpointConfiguration { Types = ["PRIVATE"], VpcEndpointIds = ["vpce-0a1b2c3d"] },
                Policy = Policy,
                Tags = new Dictionary<string, string> { ["privateapiedge:deployment"] = "1234" },
            },
            TestContext.Current.CancellationToken);

        AssertSentConforms("CreateRestApi");
        Assert.Equal(HttpMethod.Post, Sent.Message.Method);
        Assert.Equal("/restapis", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject
        {
            ["name"] = "pae-1234",
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("PRIVATE"), ["vpcEndpointIds"] = new JsonArray("vpce-0a1b2c3d") },
            ["policy"] = Policy,
            ["tags"] = new JsonObject { ["privateapiedge:deployment"] = "1234" },
        });
        Assert.Equal("a1b2c3d4e5", api.Id);
        Assert.Equal("r00t1d", api.RootResourceId);
        Assert.Equal(["PRIVATE"], api.EndpointConfiguration!.Types);
        Assert.Equal(["vpce-0a1b2c3d"], api.EndpointConfiguration.VpcEndpointIds!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764032523500), api.CreatedDate);
        Assert.Equal("1234", api.Tags!["privateapiedge:deployment"]);
    }

    [Fact]
    public async Task GetRestApi_gets_the_api_by_its_id_label()
    {
        Answer("GetRestApi", RestApiJson);

        var api = await _client.GetRestApiAsync(new GetRestApiRequest("a1b2c3d4e5"), TestContext.Current.CancellationToken);

        AssertSentConforms("GetRestApi");
        Assert.Equal(HttpMethod.Get, Sent.Message.Method);
        Assert.Equal("/restapis/a1b2c3d4e5", Sent.Message.RequestUri!.AbsolutePath);
        Assert.Null(Sent.Body);
        Assert.Equal("AVAILABLE", api.ApiStatus);
    }

    [Fact]
    public async Task GetAllRestApis_follows_position_until_the_last_page()
    {
        Answer("GetRestApis", """{"position":"p2","item":[{"id":"api1","name":"one"}]}""");
        Answer("GetRestApis", """{"position":"p3","item":[{"id":"api2","name":"two"}]}""");
        Answer("GetRestApis", """{"item":[{"id":"api3","name":"three"}]}""");

        var apis = await _client.GetAllRestApisAsync(new GetRestApisRequest { Limit = 500 }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        AssertSentConforms("GetRestApis");
        Assert.Equal(["api1", "api2", "api3"], apis.Select(a => a.Id));
        Assert.Equal(["?limit=500", "?position=p2&limit=500", "?position=p3&limit=500"], _pipeline.Transport.Requests.Select(r => r.Message.RequestUri!.Query));
    }

    [Fact]
    public async Task DeleteRestApi_deletes_by_id_and_accepts_202()
    {
        Answer("DeleteRestApi", "", HttpStatusCode.Accepted);

        await _client.DeleteRestApiAsync(new DeleteRestApiRequest("a1b2c3d4e5"), TestContext.Current.CancellationToken);

        AssertSentConforms("DeleteRestApi");
        Assert.Equal(HttpMethod.Delete, Sent.Message.Method);
        Assert.Equal("/restapis/a1b2c3d4e5", Sent.Message.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task UpdateRestApi_patches_the_policy_with_a_replace_operation()
    {
        Answer("UpdateRestApi", RestApiJson);

        await _client.UpdateRestApiAsync(new UpdateRestApiRequest("a1b2c3d4e5", [PatchOperation.ReplacePolicy(Policy)]), TestContext.Current.CancellationToken);

        AssertSentConforms("UpdateRestApi");
        Assert.Equal(HttpMethod.Patch, Sent.Message.Method);
        Assert.Equal("/restapis/a1b2c3d4e5", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/policy", ["value"] = Policy }),
        });
    }

    [Fact]
    public async Task GetAllResources_follows_position_and_finds_the_root_resource()
    {
        Answer("GetResources", """{"position":"p2","item":[{"id":"r00t1d","path":"/"}]}""");
        Answer("GetResources", """{"item":[{"id":"ch1ld","parentId":"r00t1d","pathPart":"pets","path":"/pets"}]}""");

        var resources = await _client.GetAllResourcesAsync(new GetResourcesRequest { RestApiId = "a1b2c3d4e5" }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        AssertSentConforms("GetResources");
        Assert.All(_pipeline.Transport.Requests, r => Assert.Equal("/restapis/a1b2c3d4e5/resources", r.Message.RequestUri!.AbsolutePath));
        Assert.Equal(["", "?position=p2"], _pipeline.Transport.Requests.Select(r => r.Message.RequestUri!.Query));
        Assert.Equal("r00t1d", resources.Single(r => r.Path == "/").Id);
        Assert.Equal(2, resources.Count);
    }

    [Fact]
    public async Task PutMethod_puts_an_unauthenticated_GET_on_the_resource()
    {
        Answer("PutMethod", """{"httpMethod":"GET","authorizationType":"NONE","apiKeyRequired":false}""", HttpStatusCode.Created);

        var method = await _client.PutMethodAsync(
            new PutMethodRequest("a1b2c3d4e5", "r00t1d", "GET") { AuthorizationType = "NONE" },
            TestContext.Current.CancellationToken);

        AssertSentConforms("PutMethod");
        Assert.Equal(HttpMethod.Put, Sent.Message.Method);
        Assert.Equal("/restapis/a1b2c3d4e5/resources/r00t1d/methods/GET", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject { ["authorizationType"] = "NONE" });
        Assert.Equal("NONE", method.AuthorizationType);
    }

    [Fact]
    public async Task PutMethodResponse_puts_the_status_code_label_with_an_empty_body()
    {
        Answer("PutMethodResponse", """{"statusCode":"200"}""", HttpStatusCode.Created);

        var response = await _client.PutMethodResponseAsync(
            new PutMethodResponseRequest("a1b2c3d4e5", "r00t1d", "GET", "200"),
            TestContext.Current.CancellationToken);

        AssertSentConforms("PutMethodResponse");
        Assert.Equal("/restapis/a1b2c3d4e5/resources/r00t1d/methods/GET/responses/200", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody([]);
        Assert.Equal("200", response.StatusCode);
    }

    [Fact]
    public async Task PutIntegration_puts_a_mock_integration_with_its_request_template()
    {
        Answer("PutIntegration", """{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"},"passthroughBehavior":"WHEN_NO_MATCH","timeoutInMillis":29000,"cacheNamespace":"r00t1d","cacheKeyParameters":[]}""", HttpStatusCode.Created);

        var integration = await _client.PutIntegrationAsync(
            new PutIntegrationRequest("a1b2c3d4e5", "r00t1d", "GET")
            {
                Type = "MOCK",
                RequestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" },
                PassthroughBehavior = "WHEN_NO_MATCH",
            },
            TestContext.Current.CancellationToken);

        AssertSentConforms("PutIntegration");
        Assert.Equal("/restapis/a1b2c3d4e5/resources/r00t1d/methods/GET/integration", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject
        {
            ["type"] = "MOCK",
            ["requestTemplates"] = new JsonObject { ["application/json"] = """{"statusCode": 200}""" },
            ["passthroughBehavior"] = "WHEN_NO_MATCH",
        });
        Assert.Equal("MOCK", integration.Type);
        Assert.Equal(29000, integration.TimeoutInMillis);
    }

    [Fact]
    public async Task PutIntegration_sends_the_backend_method_as_httpMethod_in_the_body()
    {
        Answer("PutIntegration", """{"type":"HTTP","httpMethod":"POST","uri":"https://example.com/"}""", HttpStatusCode.Created);

        await _client.PutIntegrationAsync(
            new PutIntegrationRequest("a1b2c3d4e5", "r00t1d", "GET") { Type = "HTTP", IntegrationHttpMethod = "POST", Uri = "https://example.com/" },
            TestContext.Current.CancellationToken);

        AssertSentConforms("PutIntegration");
        AssertJsonBody(new JsonObject { ["type"] = "HTTP", ["httpMethod"] = "POST", ["uri"] = "https://example.com/" });
    }

    [Fact]
    public async Task PutIntegrationResponse_puts_the_hello_template_with_an_empty_selection_pattern()
    {
        Answer("PutIntegrationResponse", """{"statusCode":"200","selectionPattern":"","responseTemplates":{"application/json":"{\"message\": \"Hello from API GW\"}"}}""", HttpStatusCode.Created);

        var response = await _client.PutIntegrationResponseAsync(
            new PutIntegrationResponseRequest("a1b2c3d4e5", "r00t1d", "GET", "200")
            {
                SelectionPattern = "",
                ResponseTemplates = new Dictionary<string, string> { ["application/json"] = """{"message": "Hello from API GW"}""" },
            },
            TestContext.Current.CancellationToken);

        AssertSentConforms("PutIntegrationResponse");
        Assert.Equal("/restapis/a1b2c3d4e5/resources/r00t1d/methods/GET/integration/responses/200", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject
        {
            ["selectionPattern"] = "",
            ["responseTemplates"] = new JsonObject { ["application/json"] = """{"message": "Hello from API GW"}""" },
        });
        Assert.Equal("", response.SelectionPattern);
    }

    [Fact]
    public async Task CreateDeployment_posts_the_stage_name()
    {
        Answer("CreateDeployment", """{"id":"d3pl0y","createdDate":1764032600}""", HttpStatusCode.Created);

        var deployment = await _client.CreateDeploymentAsync(new CreateDeploymentRequest("a1b2c3d4e5") { StageName = "prod" }, TestContext.Current.CancellationToken);

        AssertSentConforms("CreateDeployment");
        Assert.Equal(HttpMethod.Post, Sent.Message.Method);
        Assert.Equal("/restapis/a1b2c3d4e5/deployments", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject { ["stageName"] = "prod" });
        Assert.Equal("d3pl0y", deployment.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764032600), deployment.CreatedDate);
    }

    [Fact]
    public async Task GetStage_gets_the_stage_by_name()
    {
        Answer("GetStage", """{"deploymentId":"d3pl0y","stageName":"prod","cacheClusterEnabled":false,"tracingEnabled":false,"createdDate":1764032600,"lastUpdatedDate":1764032600}""");

        var stage = await _client.GetStageAsync(new GetStageRequest("a1b2c3d4e5", "prod"), TestContext.Current.CancellationToken);

        AssertSentConforms("GetStage");
        Assert.Equal("/restapis/a1b2c3d4e5/stages/prod", Sent.Message.RequestUri!.AbsolutePath);
        Assert.Equal(("prod", "d3pl0y"), (stage.StageName, stage.DeploymentId));
    }

    [Fact]
    public async Task GetStages_lists_the_stages_of_an_api()
    {
        Answer("GetStages", """{"item":[{"deploymentId":"d3pl0y","stageName":"prod"},{"deploymentId":"d3pl0y","stageName":"test"}]}""");

        var stages = await _client.GetStagesAsync(new GetStagesRequest { RestApiId = "a1b2c3d4e5" }, TestContext.Current.CancellationToken);

        AssertSentConforms("GetStages");
        Assert.Equal("/restapis/a1b2c3d4e5/stages", Sent.Message.RequestUri!.AbsolutePath);
        Assert.Equal(["prod", "test"], stages.Items.Select(s => s.StageName));
    }

    [Fact]
    public async Task CreateDomainName_posts_a_regional_domain_with_its_certificate_and_tls_1_2()
    {
        Answer("CreateDomainName", DomainJson("AVAILABLE"), HttpStatusCode.Created);

        var domain = await _client.CreateDomainNameAsync(
            new CreateDomainNameRequest
            {
                DomainName = "api.example.com",
                RegionalCertificateArn = CertificateArn,
                EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] },
                SecurityPolicy = "TLS_1_2",
                Tags = new Dictionary<string, string> { ["privateapiedge:deployment"] = "1234" },
            },
            TestContext.Current.CancellationToken);

        AssertSentConforms("CreateDomainName");
        Assert.Equal("/domainnames", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject
        {
            ["domainName"] = "api.example.com",
            ["regionalCertificateArn"] = CertificateArn,
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("REGIONAL") },
            ["tags"] = new JsonObject { ["privateapiedge:deployment"] = "1234" },
            ["securityPolicy"] = "TLS_1_2",
        });
        Assert.Equal("d-abcdef1234.execute-api.eu-west-1.amazonaws.com", domain.RegionalDomainName);
        Assert.Equal("ZLY8HYME6SFDD", domain.RegionalHostedZoneId);
        Assert.Equal("AVAILABLE", domain.DomainNameStatus);
    }

    [Fact]
    public async Task GetDomainName_gets_the_domain_by_its_name_label()
    {
        Answer("GetDomainName", DomainJson("UPDATING"));

        var domain = await _client.GetDomainNameAsync(new GetDomainNameRequest("api.example.com"), TestContext.Current.CancellationToken);

        AssertSentConforms("GetDomainName");
        Assert.Equal("/domainnames/api.example.com", Sent.Message.RequestUri!.AbsolutePath);
        Assert.Equal("UPDATING", domain.DomainNameStatus);
    }

    [Fact]
    public async Task DeleteDomainName_deletes_by_name()
    {
        Answer("DeleteDomainName", "", HttpStatusCode.Accepted);

        await _client.DeleteDomainNameAsync(new DeleteDomainNameRequest("api.example.com"), TestContext.Current.CancellationToken);

        AssertSentConforms("DeleteDomainName");
        Assert.Equal(HttpMethod.Delete, Sent.Message.Method);
        Assert.Equal("/domainnames/api.example.com", Sent.Message.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task CreateBasePathMapping_for_the_root_sends_no_base_path()
    {
        Answer("CreateBasePathMapping", """{"basePath":"(none)","restApiId":"a1b2c3d4e5","stage":"prod"}""", HttpStatusCode.Created);

        var mapping = await _client.CreateBasePathMappingAsync(
            new CreateBasePathMappingRequest("api.example.com") { RestApiId = "a1b2c3d4e5", Stage = "prod" },
            TestContext.Current.CancellationToken);

        AssertSentConforms("CreateBasePathMapping");
        Assert.Equal("/domainnames/api.example.com/basepathmappings", Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject { ["restApiId"] = "a1b2c3d4e5", ["stage"] = "prod" });
        Assert.True(mapping.IsRoot);
    }

    [Fact]
    public async Task GetAllBasePathMappings_follows_position_and_recognises_the_root_mapping()
    {
        Answer("GetBasePathMappings", """{"position":"p2","item":[{"basePath":"(none)","restApiId":"a1b2c3d4e5","stage":"prod"}]}""");
        Answer("GetBasePathMappings", """{"item":[{"basePath":"v2","restApiId":"f6g7h8","stage":"prod"}]}""");

        var mappings = await _client.GetAllBasePathMappingsAsync(new GetBasePathMappingsRequest { DomainName = "api.example.com" }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        AssertSentConforms("GetBasePathMappings");
        Assert.Equal(["", "?position=p2"], _pipeline.Transport.Requests.Select(r => r.Message.RequestUri!.Query));
        Assert.Equal([true, false], mappings.Select(m => m.IsRoot));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("(none)")]
    public async Task DeleteBasePathMapping_addresses_the_root_mapping_as_none(string? basePath)
    {
        Answer("DeleteBasePathMapping", "", HttpStatusCode.Accepted);

        await _client.DeleteBasePathMappingAsync(new DeleteBasePathMappingRequest("api.example.com", basePath), TestContext.Current.CancellationToken);

        AssertSentConforms("DeleteBasePathMapping");
        Assert.Equal(HttpMethod.Delete, Sent.Message.Method);
        Assert.Equal("/domainnames/api.example.com/basepathmappings/(none)", Uri.UnescapeDataString(Sent.Message.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task TagResource_puts_the_tags_under_the_percent_encoded_arn()
    {
        Answer("TagResource", "", HttpStatusCode.NoContent);
        const string arn = "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5";

        await _client.TagResourceAsync(new TagResourceRequest(arn, new Dictionary<string, string> { ["privateapiedge:step"] = "private-api" }), TestContext.Current.CancellationToken);

        AssertSentConforms("TagResource");
        Assert.Equal(HttpMethod.Put, Sent.Message.Method);
        Assert.Equal("/tags/" + Uri.EscapeDataString(arn), Sent.Message.RequestUri!.AbsolutePath);
        AssertJsonBody(new JsonObject { ["tags"] = new JsonObject { ["privateapiedge:step"] = "private-api" } });
    }

    [Fact]
    public async Task GetTags_reads_the_tag_map()
    {
        Answer("GetTags", """{"tags":{"privateapiedge:deployment":"1234"}}""");

        var tags = await _client.GetTagsAsync(new GetTagsRequest("arn:aws:apigateway:eu-west-1::/domainnames/api.example.com"), TestContext.Current.CancellationToken);

        AssertSentConforms("GetTags");
        Assert.Equal("1234", tags.Tags["privateapiedge:deployment"]);
    }

    [Theory]
    [InlineData(ApiGatewayErrorCodes.NotFound, HttpStatusCode.NotFound, "Invalid API identifier specified 123456789012:a1b2c3d4e5")]
    [InlineData(ApiGatewayErrorCodes.Conflict, HttpStatusCode.Conflict, "The domain name you provided already exists.")]
    [InlineData(ApiGatewayErrorCodes.BadRequest, HttpStatusCode.BadRequest, "Private REST API doesn't have a resource policy attached to it")]
    [InlineData(ApiGatewayErrorCodes.TooManyRequests, HttpStatusCode.TooManyRequests, "Too Many Requests")]
    [InlineData(ApiGatewayErrorCodes.LimitExceeded, HttpStatusCode.TooManyRequests, "Rate exceeded")]
    public async Task An_error_answer_becomes_AwsApiException_with_the_model_error_type(string type, HttpStatusCode status, string message)
    {
        _pipeline.Transport.Respond(
            status,
            $$"""{"message":"{{message}}"}""",
            "application/json",
            ("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/"),
            ("x-amzn-RequestId", "8d5c3a1e-2f4b-4c6d-9e8f-0a1b2c3d4e5f"));

        var exception = await Assert.ThrowsAsync<AwsApiException>(() =>
            _client.CreateDeploymentAsync(new CreateDeploymentRequest("a1b2c3d4e5") { StageName = "prod" }, TestContext.Current.CancellationToken));

        AssertSentConforms("CreateDeployment");
        Assert.Equal(type, exception.ErrorCode);
        Assert.Equal(message, exception.AwsMessage);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("8d5c3a1e-2f4b-4c6d-9e8f-0a1b2c3d4e5f", exception.RequestId);
        Assert.Equal(("apigateway", "CreateDeployment"), (exception.Service, exception.Operation));
    }

    [Fact]
    public async Task Requests_are_signed_as_apigateway_in_the_session_region()
    {
        Answer("GetRestApi", RestApiJson);

        await _client.GetRestApiAsync(new GetRestApiRequest("a1b2c3d4e5"), TestContext.Current.CancellationToken);

        Assert.Equal("apigateway.eu-west-1.amazonaws.com", Sent.Message.RequestUri!.Host);
        Assert.Contains("/eu-west-1/apigateway/aws4_request", Sent.Authorization(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_is_not_resent_after_a_server_error_but_a_read_is()
    {
        using var pipeline = new AwsTestPipeline(maxRetryAttempts: 2);
        var client = new ApiGatewayClient(pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1"), AwsService.ApiGateway));
        pipeline.Transport.Respond(HttpStatusCode.InternalServerError, """{"message":"Internal server error"}""", "application/json")
            .Respond(HttpStatusCode.OK, RestApiJson, "application/json");

        await Assert.ThrowsAsync<AwsApiException>(() =>
            client.CreateRestApiAsync(new CreateRestApiRequest { Name = "pae-1234" }, TestContext.Current.CancellationToken));
        var api = await client.GetRestApiAsync(new GetRestApiRequest("a1b2c3d4e5"), TestContext.Current.CancellationToken);

        Assert.Equal("a1b2c3d4e5", api.Id);
        Assert.Equal([HttpMethod.Post, HttpMethod.Get], pipeline.Transport.Requests.Select(r => r.Message.Method));
    }

    private static string DomainJson(string status) => $$"""
        {"domainName":"api.example.com","domainNameArn":"arn:aws:apigateway:eu-west-1::/domainnames/api.example.com",
         "regionalDomainName":"d-abcdef1234.execute-api.eu-west-1.amazonaws.com","regionalHostedZoneId":"ZLY8HYME6SFDD",
         "regionalCertificateArn":"{{CertificateArn}}","endpointConfiguration":{"types":["REGIONAL"]},
         "domainNameStatus":"{{status}}","securityPolicy":"TLS_1_2","tags":{"privateapiedge:deployment":"1234"} }
        """;

    /// <summary>Queues an answer after checking a non-empty body against the operation's output shape.</summary>
    private void Answer(string operation, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        if (json.Length > 0)
        {
            Model.Operation(operation).AssertResponseConforms(json);
        }

        _pipeline.Transport.Respond(status, json.Length > 0 ? json : null, "application/json");
    }

    private void AssertSentConforms(string operation)
    {
        Assert.NotEmpty(_pipeline.Transport.Requests);
        foreach (var request in _pipeline.Transport.Requests)
        {
            Model.Operation(operation).AssertRequestConforms(request.Message, request.Body);
        }
    }

    private void AssertJsonBody(JsonObject expected)
    {
        Assert.Equal("application/json", Sent.Message.Content!.Headers.ContentType!.MediaType);
        var actual = JsonNode.Parse(Sent.Body!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()} but sent {Sent.Body}");
    }
}
