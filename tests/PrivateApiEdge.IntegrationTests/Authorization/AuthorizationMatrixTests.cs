using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.IntegrationTests.Api;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.IntegrationTests.Provisioning;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Authorization;

/// <summary>
/// Who may open what, over real HTTP through the portal host. Read <see cref="Matrix"/> as a table: one row per
/// route, one expectation per kind of caller. To add routes (e.g. /api), add rows; {own} is a deployment owned by
/// the requester "alice", which "bob" (the other requester) must not even learn exists.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    /// <summary>Anonymous callers are sent to the sign-in page.</summary>
    private const Expect SignIn = Expect.RedirectToSignIn;

    /// <summary>Signed in, but the role does not allow it.</summary>
    private const Expect Denied = Expect.Forbidden;

    /// <summary>Treated exactly like an address that does not exist.</summary>
    private const Expect Hidden = Expect.NotFound;

    private const Expect Ok = Expect.Ok;

    /// <summary>The API answers 401 (problem details) where a page would redirect to the sign-in page.</summary>
    private const Expect NoUser = Expect.Unauthorized;

    /// <summary>Allowed, but a fresh (Pending) deployment cannot be resumed or have a step retried.</summary>
    private const Expect Conflict = Expect.Conflict;

    // The table is aligned by hand so it reads as a table; the formatter would collapse the columns.
#pragma warning disable IDE0055
    public static TheoryData<string, string, Expect, Expect, Expect, Expect> Matrix() => Rows(
        //  method  route                        anonymous  requester  other requester  admin
        ("GET", "/",                              SignIn,    Ok,        Ok,              Ok),
        ("GET", "/deployments",                   SignIn,    Ok,        Ok,              Ok),
        ("GET", "/deployments?status=Failed",     SignIn,    Ok,        Ok,              Ok),
        ("GET", "/deployments/new",               SignIn,    Ok,        Ok,              Ok),
        ("GET", "/deployments/{own}",             SignIn,    Ok,        Hidden,          Ok),
        ("GET", "/deployments/{missing}",         SignIn,    Hidden,    Hidden,          Hidden),
        ("GET", "/users",                         SignIn,    Denied,    Denied,          Ok),
        ("GET", "/audit",                         SignIn,    Denied,    Denied,          Ok),
        ("GET", "/hangfire",                      SignIn,    Denied,    Denied,          Ok),
        ("GET", "/hangfire/jobs/enqueued",        SignIn,    Denied,    Denied,          Ok),
        ("GET", "/account/login",                 Ok,        Ok,        Ok,              Ok),
        ("GET", "/account/access-denied",         Denied,    Denied,    Denied,          Denied),
        ("GET", "/health",                        Ok,        Ok,        Ok,              Ok),
        ("GET", "/no-such-page",                  SignIn,    Hidden,    Hidden,          Hidden),
        // The REST API ({fresh}: a new deployment of alice for each call, since teardown changes it)
        ("POST", "/api/deployments",              NoUser,    Expect.Created, Expect.Created, Expect.Created),
        ("POST", "/api/deployments/preflight",    NoUser,    Ok,        Ok,              Ok),
        ("GET", "/api/deployments",               NoUser,    Ok,        Ok,              Ok),
        ("GET", "/api/deployments?status=Failed", NoUser,    Ok,        Ok,              Ok),
        ("GET", "/api/deployments/{own}",         NoUser,    Ok,        Hidden,          Ok),
        ("GET", "/api/deployments/{missing}",     NoUser,    Hidden,    Hidden,          Hidden),
        ("GET", "/api/deployments/{own}/log",     NoUser,    Ok,        Hidden,          Ok),
        // {own} has not published its DNS records yet, so an allowed caller is told the test cannot run yet (409).
        ("POST", "/api/deployments/{own}/endpoint-test", NoUser, Conflict, Hidden,      Conflict),
        ("POST", "/api/deployments/{own}/resume", NoUser,    Conflict,  Hidden,          Conflict),
        ("POST", "/api/deployments/{own}/steps/load-balancer/retry", NoUser, Conflict, Hidden, Conflict),
        ("POST", "/api/deployments/{fresh}/teardown", NoUser, Expect.Accepted, Hidden,  Expect.Accepted),
        ("POST", "/api/deployments/{missing}/teardown", NoUser, Hidden, Hidden,          Hidden),
        ("GET", "/api/no-such-route",             NoUser,    Hidden,    Hidden,          Hidden),
        ("GET", "/openapi/v1.json",               NoUser,    Ok,        Ok,              Ok));
#pragma warning restore IDE0055

    public enum Caller
    {
        Anonymous,
        Requester,
        OtherRequester,
        Admin,
    }

    public enum Expect
    {
        Ok,
        RedirectToSignIn,
        Forbidden,
        NotFound,
        Unauthorized,
        Created,
        Accepted,
        Conflict,
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_what_the_matrix_says(string method, string route, Expect anonymous, Expect requester, Expect otherRequester, Expect admin)
    {
        var expected = new Dictionary<Caller, Expect>
        {
            [Caller.Anonymous] = anonymous,
            [Caller.Requester] = requester,
            [Caller.OtherRequester] = otherRequester,
            [Caller.Admin] = admin,
        };
        var actual = new Dictionary<Caller, Expect>();
        foreach (var caller in expected.Keys)
        {
            var path = route.Replace("{own}", fixture.OwnDeploymentId.ToString(), StringComparison.Ordinal)
                .Replace("{missing}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{fresh}", route.Contains("{fresh}", StringComparison.Ordinal) ? (await fixture.NewDeploymentAsync()).ToString() : "", StringComparison.Ordinal);
            using var client = fixture.ClientFor(caller);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method == "POST" && (path.EndsWith("/api/deployments", StringComparison.Ordinal) || path.EndsWith("/preflight", StringComparison.Ordinal)))
            {
                request.Content = JsonContent.Create(DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("matrix")), options: ApiPortalFactory.Json);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            actual[caller] = Classify(response);
            if (path.StartsWith("/api/", StringComparison.Ordinal) && actual[caller] != Expect.Ok && actual[caller] != Expect.Created && actual[caller] != Expect.Accepted)
            {
                // A script never gets the sign-in page or an HTML error page: problem details.
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            // (The log's lines name the owner, not the deployment; its content is checked by the API tests.)
            if (route.Contains("{own}", StringComparison.Ordinal) && actual[caller] == Expect.Ok && !route.EndsWith("/log", StringComparison.Ordinal))
            {
                // Allowed means really shown, not an empty shell.
                Assert.Contains(fixture.OwnDeploymentName, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }

            if (caller == Caller.OtherRequester && actual[caller] != Expect.Ok)
            {
                // A refusal must not leak the deployment's name either.
                Assert.DoesNotContain(fixture.OwnDeploymentName, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }
        }

        Assert.Equal(expected, actual);
    }

    private static Expect Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Expect.Ok,
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true => Expect.RedirectToSignIn,
        HttpStatusCode.Forbidden => Expect.Forbidden,
        HttpStatusCode.NotFound => Expect.NotFound,
        HttpStatusCode.Unauthorized => Expect.Unauthorized,
        HttpStatusCode.Created => Expect.Created,
        HttpStatusCode.Accepted => Expect.Accepted,
        HttpStatusCode.Conflict => Expect.Conflict,
        var other => throw new Xunit.Sdk.XunitException($"Unexpected {(int)other} {response.Headers.Location}"),
    };

    private static TheoryData<string, string, Expect, Expect, Expect, Expect> Rows(params (string Method, string Route, Expect Anonymous, Expect Requester, Expect OtherRequester, Expect Admin)[] rows)
    {
        var data = new TheoryData<string, string, Expect, Expect, Expect, Expect>();
        foreach (var row in rows)
        {
            data.Add(row.Method, row.Route, row.Anonymous, row.Requester, row.OtherRequester, row.Admin);
        }

        return data;
    }

    /// <summary>One portal host; alice (requester) owns one deployment.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalAppFactory Portal { get; } = new();

        public Guid OwnDeploymentId { get; private set; }

        public string OwnDeploymentName { get; } = $"matrix-{Guid.NewGuid():N}"[..20];

        public HttpClient ClientFor(Caller caller) => caller switch
        {
            Caller.Anonymous => Portal.CreateAnonymousClient(),
            Caller.Requester => Portal.CreateClientFor("alice", PortalRoles.Requester),
            Caller.OtherRequester => Portal.CreateClientFor("bob", PortalRoles.Requester),
            _ => Portal.CreateClientFor("root", PortalRoles.Admin),
        };

        public async ValueTask InitializeAsync() => OwnDeploymentId = await NewDeploymentAsync(OwnDeploymentName);

        /// <summary>Another deployment of alice, Pending (no job runs in this host).</summary>
        public async Task<Guid> NewDeploymentAsync(string? name = null)
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var deployment = await scope.ServiceProvider.GetRequiredService<DeploymentService>().CreateAsync(
                DeploymentRequests.Demo(name ?? $"fresh-{Guid.NewGuid():N}"[..20]), new PortalUser("alice", "Alice", IsAdmin: false), TestContext.Current.CancellationToken);
            return deployment.Id;
        }

        public async ValueTask DisposeAsync() => await Portal.DisposeAsync();
    }
}
