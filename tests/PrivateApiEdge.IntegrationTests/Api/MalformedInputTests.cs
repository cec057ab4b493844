using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>
/// Every malformed input of <see cref="MalformedDeploymentInputs"/> through the API and through the form's
/// validation: rejected with a message naming the field, no deployment stored, no job enqueued, no AWS call made.
/// </summary>
public sealed class MalformedInputTests : IClassFixture<ApiPortalFactory>
{
    private readonly ApiPortalFactory _portal;

    public MalformedInputTests(ApiPortalFactory portal) => _portal = portal;

    [Fact]
    public async Task The_untouched_demo_form_passes_validation_and_preflight_so_each_case_fails_only_by_its_break()
    {
        var form = DeploymentRequests.DemoForm(ApiPortalFactory.UniqueName("valid"));
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);

        Assert.Empty(DeploymentFormValidator.Validate(form));
        using var response = await ApiPortalFactory.PostJsonAsync(client, "/api/deployments/preflight", DeploymentRequests.ToBody(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<PreflightDto>(ApiPortalFactory.Json, TestContext.Current.CancellationToken);
        Assert.True(report!.Passed, report.Summary);
    }

    [Fact]
    public void The_table_holds_at_least_a_hundred_cases_over_every_text_field()
    {
        Assert.True(MalformedDeploymentInputs.All.Count >= 100, $"{MalformedDeploymentInputs.All.Count} cases");
        Assert.Equal(MalformedDeploymentInputs.All.Count, MalformedDeploymentInputs.All.Select(c => c.Id).Distinct().Count());
        string[] textFields =
        [
            nameof(DeploymentFormModel.Name), nameof(DeploymentFormModel.DomainName), nameof(DeploymentFormModel.Region),
            nameof(DeploymentFormModel.VpcId), nameof(DeploymentFormModel.SubnetIds), nameof(DeploymentFormModel.CloudFrontCertificateArn),
            nameof(DeploymentFormModel.RegionalCertificateArn), nameof(DeploymentFormModel.HostedZoneId),
            nameof(DeploymentFormModel.ExistingVpcEndpointId), nameof(DeploymentFormModel.ExistingRestApiId),
            nameof(DeploymentFormModel.ExistingStageName), nameof(DeploymentFormModel.WebAclArn),
            nameof(DeploymentFormModel.GeoRestrictionCountries), nameof(DeploymentFormModel.Tags),
            nameof(DeploymentFormModel.AssumeRoleArn), nameof(DeploymentFormModel.AssumeRoleExternalId),
        ];
        Assert.All(textFields, field => Assert.Contains(MalformedDeploymentInputs.All, c => c.Field == field && c.Expected == "Markup"));
    }

    [Theory]
    [MemberData(nameof(MalformedDeploymentInputs.Ids), MemberType = typeof(MalformedDeploymentInputs))]
    public async Task The_api_rejects_the_input_naming_the_field_and_changes_nothing(string id)
    {
        var input = MalformedDeploymentInputs.Find(id);
        var form = DeploymentRequests.DemoForm(ApiPortalFactory.UniqueName("bad"));
        input.Break(form);

        await AssertRejectedAsync(
            client => ApiPortalFactory.PostJsonAsync(client, "/api/deployments", DeploymentRequests.ToBody(form)),
            HttpStatusCode.BadRequest, DeploymentApiMapper.JsonName(input.Field), input.Expected);
    }

    [Theory]
    [MemberData(nameof(MalformedDeploymentInputs.Ids), MemberType = typeof(MalformedDeploymentInputs))]
    public void The_form_rejects_the_input_naming_the_field_and_cannot_build_a_request(string id)
    {
        var input = MalformedDeploymentInputs.Find(id);
        var form = DeploymentRequests.DemoForm("orders");
        input.Break(form);

        // What NewDeploymentPage passes: the chosen zone's name and each listed subnet's zone.
        var context = new DeploymentFormContext(SandboxSeed.DemoDomain + ".", new Dictionary<string, string>
        {
            [SandboxSeed.SubnetAId] = "eu-west-1a",
            [SandboxSeed.SubnetBId] = "eu-west-1b",
            [SandboxSeed.SubnetCId] = "eu-west-1c",
        });
        var errors = DeploymentFormValidator.Validate(form, context);

        Assert.True(errors.TryGetValue(input.Field, out var message), $"No error for {input.Field}; got {string.Join("; ", errors)}");
        Assert.Contains(input.Expected, message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DeploymentRequestFactory.From(form));
    }

    public static TheoryData<string, string, string> MalformedJson => new()
    {
        { "not JSON at all", "name=orders&region=eu-west-1", "body" },
        { "truncated JSON", "{\"name\": \"orders\", ", "body" },
        { "an array instead of an object", "[]", "body" },
        { "null", "null", "body" },
        { "a number as the name", "{\"name\": 42}", "name" },
        { "a string as the subnets", "{\"subnetIds\": \"subnet-0d3e000000000b001\"}", "subnetIds" },
        { "a number among the subnets", "{\"subnetIds\": [\"subnet-0d3e000000000b001\", 7]}", "subnetIds" },
        { "yes as a flag", "{\"enableIpv6\": \"yes\"}", "enableIpv6" },
        { "a cache policy by number", "{\"cachePolicy\": 1}", "cachePolicy" },
        { "an unknown cache policy", "{\"cachePolicy\": \"CacheEverything\"}", "cachePolicy" },
        { "a geo restriction by number", "{\"geoRestriction\": 2}", "geoRestriction" },
        { "tags as an object", "{\"tags\": {\"team\": \"payments\"}}", "tags" },
        { "an owner smuggled in", "{\"owner\": \"mallory\"}", "owner" },
        { "the status smuggled in", "{\"status\": \"Succeeded\"}", "status" },
        { "the name twice", "{\"name\": \"orders\", \"name\": \"other\"}", "name" },
        { "an invalid escape", "{\"name\": \"\\x\"}", "body" },
        { "a lone surrogate escape in a tag", "{\"tags\": [{\"key\": \"team\", \"value\": \"\\ud800\"}]}", "tags" },
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task The_api_rejects_malformed_json_naming_the_field_and_changes_nothing(string description, string json, string field)
    {
        Assert.NotEmpty(description);
        await AssertRejectedAsync(client => PostRawAsync(client, json, "application/json"), HttpStatusCode.BadRequest, field, expected: "");
    }

    public static TheoryData<string, string, string> MalformedTags => new()
    {
        { "a key holding '='", "a=b", "contains '='" },
        { "a line break in a key", "team\nowner", "line break" },
        { "an empty key", "", "key of 1-128" },
    };

    [Theory]
    [MemberData(nameof(MalformedTags))]
    public async Task The_api_rejects_tags_the_form_could_not_hold(string description, string key, string expected)
    {
        Assert.NotEmpty(description);
        var body = DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("tags")) with { Tags = [new DeploymentTag(key, "x")] };

        await AssertRejectedAsync(client => ApiPortalFactory.PostJsonAsync(client, "/api/deployments", body), HttpStatusCode.BadRequest, "tags", expected);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_unsupported_media()
    {
        await AssertRejectedAsync(client => PostRawAsync(client, "{}", "text/plain"), HttpStatusCode.UnsupportedMediaType, field: null, expected: "Unsupported Media Type");
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_as_too_large()
    {
        var json = JsonSerializerHelper.Serialize(DeploymentRequests.DemoBody("huge") with { DomainName = new string('a', 70_000) });

        await AssertRejectedAsync(client => PostRawAsync(client, json, "application/json"), HttpStatusCode.RequestEntityTooLarge, field: null, expected: "64 KiB");
    }

    [Fact]
    public async Task A_duplicate_name_is_a_conflict_on_the_name_before_any_AWS_call()
    {
        var name = ApiPortalFactory.UniqueName("dup");
        using (var owner = _portal.CreateClientFor("alice", PortalRoles.Requester))
        using (var first = await ApiPortalFactory.PostJsonAsync(owner, "/api/deployments", DeploymentRequests.DemoBody(name)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        // Someone else's deployment holds the name: AWS names derive from it, so it is taken for everyone.
        await AssertRejectedAsync(
            client => ApiPortalFactory.PostJsonAsync(client, "/api/deployments", DeploymentRequests.DemoBody(name)),
            HttpStatusCode.Conflict, "name", "already exists", user: "bob");
    }

    /// <summary>The call is refused with the status and (when given) a message for the field; nothing changed anywhere.</summary>
    private async Task AssertRejectedAsync(
        Func<HttpClient, Task<HttpResponseMessage>> call, HttpStatusCode status, string? field, string expected, string user = "alice")
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _portal.CreateClientFor(user, PortalRoles.Requester);
        var (jobs, deployments, awsCalls) = (_portal.EnqueuedJobs.Count, await _portal.DeploymentCountAsync(), _portal.AwsCalls);

        using var response = await call(client);

        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        // Routing itself refuses a non-JSON body (the endpoint declares what it accepts), with a title but no detail.
        var message = field is null ? (problem["detail"] ?? problem["title"])?.GetValue<string>() : problem["errors"]?[field]?[0]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message), $"No message for '{field}' in {text}");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(jobs, _portal.EnqueuedJobs.Count);
        Assert.Equal(deployments, await _portal.DeploymentCountAsync());
        Assert.Equal(awsCalls, _portal.AwsCalls);
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string mediaType) =>
        client.PostAsync(new Uri("/api/deployments", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType), TestContext.Current.CancellationToken);

    private static class JsonSerializerHelper
    {
        public static string Serialize(object value) => System.Text.Json.JsonSerializer.Serialize(value, ApiPortalFactory.Json);
    }
}
