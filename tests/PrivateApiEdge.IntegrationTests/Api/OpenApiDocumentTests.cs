using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json describes every /api route the host maps, fully.</summary>
public sealed partial class OpenApiDocumentTests : IClassFixture<ApiPortalFactory>
{
    private readonly ApiPortalFactory _portal;

    public OpenApiDocumentTests(ApiPortalFactory portal) => _portal = portal;

    [Fact]
    public async Task Every_api_route_is_described_with_a_summary_its_answer_and_its_problem_responses()
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["paths"]!.AsObject();

        var routes = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m.ToLowerInvariant(), Path: OpenApiPath(e.RoutePattern.RawText!))))
            .ToList();

        Assert.Equal(9, routes.Count);
        Assert.All(routes, route =>
        {
            var operation = paths[route.Path]?[route.Method];
            Assert.True(operation is not null, $"{route.Method} {route.Path} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{route.Method} {route.Path} has no summary");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2') && (r.Value?["content"] is not null || r.Key == "202"));
            Assert.True(responses["401"]?["content"]?["application/problem+json"] is not null, $"{route.Method} {route.Path}: no 401 problem");
            Assert.True(responses["403"]?["content"]?["application/problem+json"] is not null, $"{route.Method} {route.Path}: no 403 problem");
            if (route.Path.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(responses["404"]?["content"]?["application/problem+json"] is not null, $"{route.Method} {route.Path}: no 404 problem");
            }
        });
    }

    [Fact]
    public async Task Enums_are_described_and_sent_as_strings()
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var schemas = JsonNode.Parse(document)!["components"]!["schemas"]!;

        var status = schemas["DeploymentStatus"]!;

        Assert.Contains("Succeeded", status["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    /// <summary><c>/api/deployments/{id:guid}/log</c> → <c>/api/deployments/{id}/log</c>, as OpenAPI writes paths.</summary>
    private static string OpenApiPath(string routePattern) => RouteConstraint().Replace(routePattern.TrimEnd('/'), "{$1}");

    [GeneratedRegex("\\{(\\w+):[^}]*\\}")]
    private static partial Regex RouteConstraint();
}
