using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>Small typed calls of the deployments API for tests, with the failure body in every assertion message.</summary>
public static class ApiClient
{
    public static async Task<DeploymentDto> CreateAsync(HttpClient client, CreateDeploymentBody body)
    {
        using var response = await ApiPortalFactory.PostJsonAsync(client, "/api/deployments", body);
        await ExpectAsync(response, HttpStatusCode.Created);
        var created = await ReadAsync<DeploymentDto>(response);
        Assert.Equal($"/api/deployments/{created.Id}", response.Headers.Location?.OriginalString);
        return created;
    }

    public static async Task<DeploymentDto> GetAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"/api/deployments/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await ReadAsync<DeploymentDto>(response);
    }

    /// <summary>Polls the deployment until <paramref name="done"/> holds (or fails the test after three minutes).</summary>
    public static Task<DeploymentDto> WaitForAsync(HttpClient client, Guid id, Func<DeploymentDto, bool> done) =>
        Eventually.ReturnsAsync(
            () => GetAsync(client, id),
            done,
            $"deployment {id}",
            TimeSpan.FromMinutes(3),
            deployment => $"{deployment.Status}: " + string.Join(", ", deployment.Steps
                .Where(s => s.Status != Web.Features.Deployments.StepStatus.Succeeded).Select(s => $"{s.Name}={s.Status} {s.WaitReason}")),
            TimeSpan.FromMilliseconds(200));

    public static bool IsFinished(DeploymentDto deployment) =>
        deployment.Status is DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.TornDown or DeploymentStatus.TeardownFailed;

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != status)
        {
            Assert.Fail($"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(ApiPortalFactory.Json, TestContext.Current.CancellationToken))!;
    }

    /// <summary>The problem details of an error response (asserting it is one).</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
