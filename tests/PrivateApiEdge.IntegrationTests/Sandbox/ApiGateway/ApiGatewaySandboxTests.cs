using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.IntegrationTests.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.Seed;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.ApiGateway;

public sealed class ApiGatewaySandboxTests
{
    [Fact]
    public async Task A_private_api_is_created_with_its_policy_endpoints_and_a_root_resource()
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", EdgeChains.PrivateApiBody("hello", "vpce-0123456789abcdef0"));
        var api = await JsonAsync(created);
        var id = api["id"]!.GetValue<string>();
        using var resources = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/restapis/{id}/resources");
        var items = (await JsonAsync(resources))["item"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["PRIVATE"], api["endpointConfiguration"]!["types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["vpce-0123456789abcdef0"], api["endpointConfiguration"]!["vpcEndpointIds"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.StartsWith("{\\\"Version\\\":", api["policy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("aws:sourceVpce", api["policy"]!.GetValue<string>(), StringComparison.Ordinal);
        var root = Assert.Single(items);
        Assert.Equal(("/", api["rootResourceId"]!.GetValue<string>()), (root!["path"]!.GetValue<string>(), root["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Apis_are_listed_by_position_and_a_deleted_api_is_not_found()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = $"api-{i}" });
            ids.Add((await JsonAsync(created))["id"]!.GetValue<string>());
        }

        using var first = await sandbox.ApiGatewayAsync(HttpMethod.Get, "/restapis?limit=2");
        var firstPage = await JsonAsync(first);
        using var second = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/restapis?limit=2&position={firstPage["position"]!.GetValue<string>()}");
        var secondPage = await JsonAsync(second);
        Assert.Equal(ids, firstPage["item"]!.AsArray().Concat(secondPage["item"]!.AsArray()).Select(a => a!["id"]!.GetValue<string>()));
        Assert.Null(secondPage["position"]);

        using var deleted = await sandbox.ApiGatewayAsync(HttpMethod.Delete, $"/restapis/{ids[0]}");
        using var gone = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/restapis/{ids[0]}");
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("NotFoundException", gone.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Deploying_a_private_api_without_a_resource_policy_fails_until_a_policy_is_patched_in()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis",
            new JsonObject { ["name"] = "nopolicy", ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("PRIVATE") } });
        var api = await JsonAsync(created);
        var id = api["id"]!.GetValue<string>();
        await EdgeChains.PutHelloMethodAsync(sandbox, id, api["rootResourceId"]!.GetValue<string>());

        using var refused = await sandbox.ApiGatewayAsync(HttpMethod.Post, $"/restapis/{id}/deployments", new JsonObject { ["stageName"] = "prod" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("BadRequestException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("Private REST API doesn't have a resource policy attached to it", (await JsonAsync(refused))["message"]!.GetValue<string>());

        using var patched = await sandbox.ApiGatewayAsync(HttpMethod.Patch, $"/restapis/{id}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/policy", ["value"] = EdgeChains.PolicyFor("vpce-0123456789abcdef0") }),
        });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        using var deployed = await sandbox.ApiGatewayAsync(HttpMethod.Post, $"/restapis/{id}/deployments", new JsonObject { ["stageName"] = "prod" });
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        using var stage = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/restapis/{id}/stages/prod");
        Assert.Equal((await JsonAsync(deployed))["id"]!.GetValue<string>(), (await JsonAsync(stage))["deploymentId"]!.GetValue<string>());
        using var stages = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/restapis/{id}/stages");
        Assert.Equal(["prod"], (await JsonAsync(stages))["item"]!.AsArray().Select(s => s!["stageName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_policy_sent_back_escaped_as_api_gateway_returns_it_is_stored_as_the_same_policy()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", EdgeChains.PrivateApiBody("escaped", "vpce-0123456789abcdef0"));
        var api = await JsonAsync(created);
        var returned = api["policy"]!.GetValue<string>();

        using var patched = await sandbox.ApiGatewayAsync(HttpMethod.Patch, $"/restapis/{api["id"]!.GetValue<string>()}", new JsonObject
        {
            ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/policy", ["value"] = returned }),
        });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(returned, (await JsonAsync(patched))["policy"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_mock_method_and_its_integration_are_returned_as_put()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", EdgeChains.PrivateApiBody("mock", "vpce-0123456789abcdef0"));
        var api = await JsonAsync(created);
        var (id, root) = (api["id"]!.GetValue<string>(), api["rootResourceId"]!.GetValue<string>());

        await EdgeChains.PutHelloMethodAsync(sandbox, id, root);
        using var method = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/restapis/{id}/resources/{root}/methods/GET");
        var json = await JsonAsync(method);

        Assert.Equal("NONE", json["authorizationType"]!.GetValue<string>());
        Assert.Equal("MOCK", json["methodIntegration"]!["type"]!.GetValue<string>());
        Assert.Equal(EdgeChains.HelloBody, json["methodIntegration"]!["integrationResponses"]!["200"]!["responseTemplates"]!["application/json"]!.GetValue<string>());
        Assert.NotNull(json["methodResponses"]!["200"]);
    }

    [Fact]
    public async Task A_regional_domain_name_gets_a_regional_name_and_a_root_base_path_mapping()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var apiId = await EdgeChains.CreateHelloApiAsync(sandbox, "vpce-0123456789abcdef0");

        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/domainnames", EdgeChains.RegionalDomainBody(SandboxSeed.DemoApiHostName, SandboxSeed.RegionalCertificateArn));
        var domain = await JsonAsync(created);
        using var mapped = await sandbox.ApiGatewayAsync(HttpMethod.Post, $"/domainnames/{SandboxSeed.DemoApiHostName}/basepathmappings",
            new JsonObject { ["restApiId"] = apiId, ["stage"] = "prod" });
        using var mappings = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/domainnames/{SandboxSeed.DemoApiHostName}/basepathmappings");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches(@"^d-[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com$", domain["regionalDomainName"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", domain["domainNameStatus"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, mapped.StatusCode);
        Assert.Equal("(none)", (await JsonAsync(mapped))["basePath"]!.GetValue<string>());
        Assert.Equal([("(none)", apiId, "prod")], (await JsonAsync(mappings))["item"]!.AsArray()
            .Select(m => (m!["basePath"]!.GetValue<string>(), m["restApiId"]!.GetValue<string>(), m["stage"]!.GetValue<string>())));
    }

    [Fact]
    public async Task An_api_a_domain_still_maps_cannot_be_deleted_until_the_mapping_is_removed()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var apiId = await EdgeChains.CreateHelloApiAsync(sandbox, "vpce-0123456789abcdef0");
        const string other = "other." + SandboxSeed.DemoDomain;
        using var domain = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/domainnames", EdgeChains.RegionalDomainBody(other, SandboxSeed.RegionalCertificateArn));
        using var mapped = await sandbox.ApiGatewayAsync(HttpMethod.Post, $"/domainnames/{other}/basepathmappings",
            new JsonObject { ["restApiId"] = apiId, ["basePath"] = "v1", ["stage"] = "prod" });
        Assert.Equal(HttpStatusCode.Created, mapped.StatusCode);

        using var refused = await sandbox.ApiGatewayAsync(HttpMethod.Delete, $"/restapis/{apiId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("BadRequestException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal($"Deleting RestApi {apiId} failed. Please remove all base path mappings related to the RestApi in your domains: {other}",
            (await JsonAsync(refused))["message"]!.GetValue<string>());
        using var unmapped = await sandbox.ApiGatewayAsync(HttpMethod.Delete, $"/domainnames/{other}/basepathmappings/v1");
        using var deleted = await sandbox.ApiGatewayAsync(HttpMethod.Delete, $"/restapis/{apiId}");
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (unmapped.StatusCode, deleted.StatusCode));
    }

    [Theory]
    [InlineData(SandboxSeed.ExpiredCertificateArn)]
    [InlineData(SandboxSeed.OtherDomainCertificateArn)]
    [InlineData(SandboxSeed.CloudFrontCertificateArn)]
    public async Task A_regional_domain_name_needs_an_issued_certificate_of_the_region_covering_it(string certificateArn)
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        using var refused = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/domainnames", EdgeChains.RegionalDomainBody(SandboxSeed.DemoApiHostName, certificateArn));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("BadRequestException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task A_domain_name_is_unique_in_its_region()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var first = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/domainnames", EdgeChains.RegionalDomainBody(SandboxSeed.DemoApiHostName, SandboxSeed.RegionalCertificateArn));

        using var second = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/domainnames", EdgeChains.RegionalDomainBody(SandboxSeed.DemoApiHostName, SandboxSeed.RegionalCertificateArn));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("ConflictException", second.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task CreateRestApi_is_throttled_with_429_and_Retry_After_inside_its_quota_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("fast", time);

        using var first = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "a" });
        using var second = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "b" });
        time.Advance(TimeSpan.FromSeconds(1));
        using var third = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "c" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("TooManyRequestsException", second.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("1", second.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    [Fact]
    public async Task CreateRestApi_is_not_throttled_under_the_instant_profile()
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        using var first = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "a" });
        using var second = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "b" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task Tags_of_an_api_can_be_set_read_and_removed()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis",
            new JsonObject { ["name"] = "tagged", ["tags"] = new JsonObject { ["privateapiedge:deployment"] = "d-9" } });
        var arn = Uri.EscapeDataString($"arn:aws:apigateway:{Region}::/restapis/{(await JsonAsync(created))["id"]!.GetValue<string>()}");

        using var tagged = await sandbox.ApiGatewayAsync(HttpMethod.Put, $"/tags/{arn}", new JsonObject { ["tags"] = new JsonObject { ["team"] = "edge" } });
        using var untagged = await sandbox.ApiGatewayAsync(HttpMethod.Delete, $"/tags/{arn}?tagKeys=privateapiedge%3Adeployment");
        using var read = await sandbox.ApiGatewayAsync(HttpMethod.Get, $"/tags/{arn}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (tagged.StatusCode, untagged.StatusCode));
        Assert.Equal("""{"team":"edge"}""", (await JsonAsync(read))["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task A_204_answer_carries_no_body_and_the_sandbox_logs_no_error_for_it()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        // Kestrel logs "Writing to the response body is invalid for responses with status code 204" when a handler
        // writes one; it surfaces only in the host's log, so listen there.
        using var log = new RecordingLoggerProvider();
        sandbox.Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        using var created = await sandbox.ApiGatewayAsync(HttpMethod.Post, "/restapis", new JsonObject { ["name"] = "tagged" });
        var arn = Uri.EscapeDataString($"arn:aws:apigateway:{Region}::/restapis/{(await JsonAsync(created))["id"]!.GetValue<string>()}");

        using var tagged = await sandbox.ApiGatewayAsync(HttpMethod.Put, $"/tags/{arn}", new JsonObject { ["tags"] = new JsonObject { ["team"] = "edge" } });
        var body = await tagged.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, tagged.StatusCode);
        Assert.Empty(body);
        Assert.False(tagged.Content.Headers.Contains("Content-Length") && tagged.Content.Headers.ContentLength != 0, "a 204 announces a body");
        Assert.DoesNotContain(log.Lines, line => line.Level >= LogLevel.Warning);
    }
}
