using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.ApiGateway;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class ApiGatewayClientTests
{
    private const string EndpointId = "vpce-0123456789abcdef0";

    [Fact]
    public async Task A_private_api_is_created_with_its_root_resource_tags_and_endpoint_configuration()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;

        var created = await CreatePrivateApiAsync(sandbox.Clients, EndpointId, PolicyFor(EndpointId));
        var read = await api.GetRestApiAsync(new GetRestApiRequest(created.Id), Ct);
        var resources = await api.GetResourcesAsync(new GetResourcesRequest { RestApiId = created.Id }, Ct);

        Assert.Matches("^[a-z0-9]{10}$", created.Id);
        Assert.Equal(["PRIVATE"], read.EndpointConfiguration?.Types);
        Assert.Equal([EndpointId], read.EndpointConfiguration?.VpcEndpointIds);
        Assert.Contains(EndpointId, read.Policy, StringComparison.Ordinal);
        Assert.Equal("PrivateApiEdge", read.Tags?["Project"]);
        Assert.NotNull(read.CreatedDate);
        var root = Assert.Single(resources.Items);
        Assert.Equal((created.RootResourceId, "/"), (root.Id, root.Path));
    }

    [Fact]
    public async Task Deploying_a_private_api_without_a_policy_fails_with_BadRequestException_until_UpdateRestApi_sets_one()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;
        var created = await CreatePrivateApiAsync(sandbox.Clients, EndpointId, policy: null);
        await PutHelloMethodAsync(sandbox.Clients, created.Id, created.RootResourceId!);

        var ex = await ExpectErrorAsync(
            () => api.CreateDeploymentAsync(new CreateDeploymentRequest(created.Id) { StageName = "prod" }, Ct), ApiGatewayErrorCodes.BadRequest);
        var updated = await api.UpdateRestApiAsync(new UpdateRestApiRequest(created.Id, [PatchOperation.ReplacePolicy(PolicyFor(EndpointId))]), Ct);
        var deployment = await api.CreateDeploymentAsync(new CreateDeploymentRequest(created.Id) { StageName = "prod", Description = "first" }, Ct);
        var stage = await api.GetStageAsync(new GetStageRequest(created.Id, "prod"), Ct);
        var stages = await api.GetStagesAsync(new GetStagesRequest { RestApiId = created.Id }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("resource policy", ex.AwsMessage, StringComparison.Ordinal);
        Assert.Contains(EndpointId, updated.Policy, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9]{6,10}$", deployment.Id);
        Assert.Equal(("prod", deployment.Id), (stage.StageName, stage.DeploymentId));
        Assert.Equal(deployment.Id, Assert.Single(stages.Items).DeploymentId);
    }

    [Fact]
    public async Task The_method_integration_and_their_responses_echo_what_was_put()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;
        var created = await CreatePrivateApiAsync(sandbox.Clients, EndpointId, PolicyFor(EndpointId));
        var root = created.RootResourceId!;

        var method = await api.PutMethodAsync(new PutMethodRequest(created.Id, root, "GET") { AuthorizationType = "NONE", ApiKeyRequired = false }, Ct);
        var methodResponse = await api.PutMethodResponseAsync(new PutMethodResponseRequest(created.Id, root, "GET", "200")
        {
            ResponseModels = new Dictionary<string, string> { ["application/json"] = "Empty" },
        }, Ct);
        var integration = await api.PutIntegrationAsync(new PutIntegrationRequest(created.Id, root, "GET")
        {
            Type = "MOCK",
            RequestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" },
            PassthroughBehavior = "WHEN_NO_MATCH",
            TimeoutInMillis = 29000,
        }, Ct);
        var integrationResponse = await api.PutIntegrationResponseAsync(new PutIntegrationResponseRequest(created.Id, root, "GET", "200")
        {
            SelectionPattern = "",
            ResponseTemplates = new Dictionary<string, string> { ["application/json"] = HelloBody },
        }, Ct);

        Assert.Equal(("GET", "NONE"), (method.HttpMethod, method.AuthorizationType));
        Assert.Equal("200", methodResponse.StatusCode);
        Assert.Equal("Empty", methodResponse.ResponseModels?["application/json"]);
        Assert.Equal(("MOCK", "WHEN_NO_MATCH", 29000), (integration.Type, integration.PassthroughBehavior, integration.TimeoutInMillis));
        Assert.Equal("""{"statusCode": 200}""", integration.RequestTemplates?["application/json"]);
        Assert.Equal("200", integrationResponse.StatusCode);
        Assert.Equal(HelloBody, integrationResponse.ResponseTemplates?["application/json"]);
    }

    [Fact]
    public async Task GetRestApis_pages_by_position()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await CreatePrivateApiAsync(sandbox.Clients, EndpointId, PolicyFor(EndpointId))).Id);
        }

        var first = await api.GetRestApisAsync(new GetRestApisRequest { Limit = 2 }, Ct);
        var all = await api.GetAllRestApisAsync(new GetRestApisRequest { Limit = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Position);
        Assert.Equal(ids.Order().ToList(), all.Select(a => a.Id).Order().ToList());
    }

    [Fact]
    public async Task Tags_round_trip_through_TagResource_and_GetTags()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var created = await CreatePrivateApiAsync(sandbox.Clients, EndpointId, PolicyFor(EndpointId));
        var arn = $"arn:aws:apigateway:{Region}::/restapis/{created.Id}";

        await sandbox.Clients.ApiGateway.TagResourceAsync(new TagResourceRequest(arn, new Dictionary<string, string> { ["DeploymentId"] = sandbox.DeploymentId.ToString() }), Ct);
        var tags = await sandbox.Clients.ApiGateway.GetTagsAsync(new GetTagsRequest(arn), Ct);

        Assert.Equal(sandbox.DeploymentId.ToString(), tags.Tags["DeploymentId"]);
        Assert.Equal("PrivateApiEdge", tags.Tags["Project"]);
    }

    [Fact]
    public async Task A_regional_domain_and_its_root_mapping_are_created_conflict_when_repeated_and_are_deleted()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;
        var restApi = await CreatePrivateApiAsync(sandbox.Clients, EndpointId, PolicyFor(EndpointId));
        await PutHelloMethodAsync(sandbox.Clients, restApi.Id, restApi.RootResourceId!);
        await api.CreateDeploymentAsync(new CreateDeploymentRequest(restApi.Id) { StageName = "prod" }, Ct);
        var domainRequest = new CreateDomainNameRequest
        {
            DomainName = SandboxSeed.DemoApiHostName,
            RegionalCertificateArn = SandboxSeed.RegionalCertificateArn,
            EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] },
            SecurityPolicy = "TLS_1_2",
            Tags = new Dictionary<string, string> { ["Project"] = "PrivateApiEdge" },
        };

        var domain = await api.CreateDomainNameAsync(domainRequest, Ct);
        var available = await Eventually.ReturnsAsync(() => api.GetDomainNameAsync(new GetDomainNameRequest(SandboxSeed.DemoApiHostName), Ct), d => d.DomainNameStatus == "AVAILABLE", "the demo custom domain to be AVAILABLE");
        var duplicateDomain = await ExpectErrorAsync(() => api.CreateDomainNameAsync(domainRequest, Ct), ApiGatewayErrorCodes.Conflict);
        var mapping = await api.CreateBasePathMappingAsync(new CreateBasePathMappingRequest(SandboxSeed.DemoApiHostName) { RestApiId = restApi.Id, Stage = "prod" }, Ct);
        var duplicateMapping = await ExpectErrorAsync(
            () => api.CreateBasePathMappingAsync(new CreateBasePathMappingRequest(SandboxSeed.DemoApiHostName) { RestApiId = restApi.Id, Stage = "prod" }, Ct),
            ApiGatewayErrorCodes.Conflict);
        var mappings = await api.GetAllBasePathMappingsAsync(new GetBasePathMappingsRequest { DomainName = SandboxSeed.DemoApiHostName }, Ct).ToListAsync(Ct);

        Assert.Equal(SandboxSeed.DemoApiHostName, domain.DomainName);
        Assert.Matches($"^d-[a-z0-9]{{10}}\\.execute-api\\.{Region}\\.amazonaws\\.com$", available.RegionalDomainName);
        Assert.False(string.IsNullOrEmpty(available.RegionalHostedZoneId));
        Assert.Equal(SandboxSeed.RegionalCertificateArn, available.RegionalCertificateArn);
        Assert.Equal("AVAILABLE", available.DomainNameStatus);
        Assert.Equal(HttpStatusCode.Conflict, duplicateDomain.StatusCode);
        Assert.True(mapping.IsRoot);
        Assert.Equal(HttpStatusCode.Conflict, duplicateMapping.StatusCode);
        var listed = Assert.Single(mappings);
        Assert.Equal((BasePathMapping.RootBasePath, restApi.Id, "prod"), (listed.BasePath, listed.RestApiId, listed.Stage));

        await api.DeleteBasePathMappingAsync(new DeleteBasePathMappingRequest(SandboxSeed.DemoApiHostName, null), Ct);
        Assert.Empty((await api.GetBasePathMappingsAsync(new GetBasePathMappingsRequest { DomainName = SandboxSeed.DemoApiHostName }, Ct)).Items);
        await api.DeleteDomainNameAsync(new DeleteDomainNameRequest(SandboxSeed.DemoApiHostName), Ct);
        await ExpectErrorAsync(() => api.GetDomainNameAsync(new GetDomainNameRequest(SandboxSeed.DemoApiHostName), Ct), ApiGatewayErrorCodes.NotFound);
    }

    [Fact]
    public async Task A_deleted_or_unknown_api_fails_with_NotFoundException()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;
        var created = await CreatePrivateApiAsync(sandbox.Clients, EndpointId, PolicyFor(EndpointId));

        await api.DeleteRestApiAsync(new DeleteRestApiRequest(created.Id), Ct);
        var ex = await ExpectErrorAsync(() => api.GetRestApiAsync(new GetRestApiRequest(created.Id), Ct), ApiGatewayErrorCodes.NotFound);
        await ExpectErrorAsync(() => api.DeleteRestApiAsync(new DeleteRestApiRequest("abcdef1234"), Ct), ApiGatewayErrorCodes.NotFound);
        await ExpectErrorAsync(() => api.GetStageAsync(new GetStageRequest(created.Id, "prod"), Ct), ApiGatewayErrorCodes.NotFound);

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task A_domain_for_a_certificate_that_does_not_cover_it_is_refused_and_mappings_of_unknown_domains_are_not_found()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var api = sandbox.Clients.ApiGateway;

        var uncovered = await ExpectErrorAsync(() => api.CreateDomainNameAsync(new CreateDomainNameRequest
        {
            DomainName = SandboxSeed.DemoApiHostName,
            RegionalCertificateArn = SandboxSeed.OtherDomainCertificateArn,
            EndpointConfiguration = new EndpointConfiguration { Types = ["REGIONAL"] },
        }, Ct), ApiGatewayErrorCodes.BadRequest);
        var mappings = await ExpectErrorAsync(
            () => api.GetBasePathMappingsAsync(new GetBasePathMappingsRequest { DomainName = "nothing." + SandboxSeed.DemoDomain }, Ct), ApiGatewayErrorCodes.NotFound);

        Assert.Equal(HttpStatusCode.BadRequest, uncovered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mappings.StatusCode);
    }
}
