using System.Net;
using Microsoft.Extensions.DependencyInjection;
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
        ("GET", "/no-such-page",                  SignIn,    Hidden,    Hidden,          Hidden));
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
        var path = route.Replace("{own}", fixture.OwnDeploymentId.ToString(), StringComparison.Ordinal)
            .Replace("{missing}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var actual = new Dictionary<Caller, Expect>();
        foreach (var caller in expected.Keys)
        {
            using var client = fixture.ClientFor(caller);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            actual[caller] = Classify(response);
            if (route.Contains("{own}", StringComparison.Ordinal) && actual[caller] == Expect.Ok)
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

        public async ValueTask InitializeAsync()
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var deployment = await scope.ServiceProvider.GetRequiredService<DeploymentService>().CreateAsync(
                SandboxEngineFixture.DemoRequest(OwnDeploymentName), new PortalUser("alice", "Alice", IsAdmin: false), TestContext.Current.CancellationToken);
            OwnDeploymentId = deployment.Id;
        }

        public async ValueTask DisposeAsync() => await Portal.DisposeAsync();
    }
}
