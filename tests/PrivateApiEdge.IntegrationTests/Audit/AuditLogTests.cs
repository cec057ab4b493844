using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.IntegrationTests.Provisioning;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Audit;

public sealed class AuditLogTests(PortalAppFactory portal) : IClassFixture<PortalAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_deployment_action_is_recorded_with_its_outcome_including_refusals()
    {
        var alice = NewRequester();
        var bob = NewRequester();
        await using var scope = portal.Services.CreateAsyncScope();
        var deployments = scope.ServiceProvider.GetRequiredService<DeploymentService>();
        var name = $"audit-{Guid.NewGuid():N}"[..18];

        var created = await deployments.CreateAsync(DeploymentRequests.Demo(name), alice, Ct);
        await Assert.ThrowsAsync<DeploymentConflictException>(() => deployments.ResumeAsync(created.Id, alice, Ct));
        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => deployments.TeardownAsync(created.Id, bob, Ct));
        await deployments.TeardownAsync(created.Id, alice, Ct);

        var aliceEntries = (await ListAsync(new AuditQuery { Actor = alice.Id })).Items.OrderBy(e => e.Id).ToList();
        Assert.Equal(
            [(AuditActions.CreateDeployment, AuditOutcome.Succeeded), (AuditActions.Resume, AuditOutcome.Rejected), (AuditActions.Teardown, AuditOutcome.Succeeded)],
            aliceEntries.Select(e => (e.Action, e.Outcome)));
        Assert.All(aliceEntries, e => Assert.Equal(created.Id, e.DeploymentId));
        Assert.All(aliceEntries, e => Assert.Equal(name, e.DeploymentName));
        Assert.Contains("Only a failed deployment can be resumed", aliceEntries[1].Message, StringComparison.Ordinal);

        var bobEntry = Assert.Single((await ListAsync(new AuditQuery { Actor = bob.Id })).Items);
        Assert.Equal((AuditActions.Teardown, AuditOutcome.Rejected, created.Id), (bobEntry.Action, bobEntry.Outcome, bobEntry.DeploymentId));
        // The refusal does not tell the other team what the deployment is called.
        Assert.Null(bobEntry.DeploymentName);
    }

    [Fact]
    public async Task Filters_combine_and_pages_are_cut_in_the_database()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Data.PortalDbContext>>(), time);
        var actor = $"filter-{Guid.NewGuid():N}"[..16];
        var deploymentId = Guid.NewGuid();
        for (var i = 0; i < 30; i++)
        {
            await log.RecordAsync(new AuditEntry(actor, i % 3 == 0 ? AuditActions.Teardown : AuditActions.Resume,
                i % 2 == 0 ? AuditOutcome.Succeeded : AuditOutcome.Rejected, $"entry {i}", i < 10 ? deploymentId : Guid.NewGuid(), $"name-{i % 5}"), Ct);
            time.Advance(TimeSpan.FromHours(1));
        }

        var all = await ListAsync(new AuditQuery { Actor = actor, PageSize = 7, Page = 1 });
        var teardowns = await ListAsync(new AuditQuery { Actor = actor, Action = AuditActions.Teardown });
        var rejectedResumes = await ListAsync(new AuditQuery { Actor = actor, Action = AuditActions.Resume, Outcome = AuditOutcome.Rejected });
        var byDeployment = await ListAsync(new AuditQuery { Actor = actor, Deployment = deploymentId.ToString() });
        var byName = await ListAsync(new AuditQuery { Actor = actor, Deployment = "name-3" });
        var window = await ListAsync(new AuditQuery { Actor = actor, From = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero) });

        Assert.Equal(30, all.TotalCount);
        Assert.Equal(["entry 22", "entry 21", "entry 20", "entry 19", "entry 18", "entry 17", "entry 16"], all.Items.Select(e => e.Message));
        Assert.Equal(10, teardowns.TotalCount);
        Assert.All(rejectedResumes.Items, e => Assert.Equal((AuditActions.Resume, AuditOutcome.Rejected), (e.Action, e.Outcome)));
        Assert.Equal(10, rejectedResumes.TotalCount);
        Assert.Equal(10, byDeployment.TotalCount);
        Assert.Equal(6, byName.TotalCount);
        Assert.Equal(["entry 4", "entry 3", "entry 2"], window.Items.Select(e => e.Message));
    }

    [Fact]
    public async Task Account_changes_are_recorded_and_a_requester_cannot_make_them()
    {
        var admin = new PortalUser($"adm-{Guid.NewGuid():N}"[..12], "Admin", IsAdmin: true);
        var requester = NewRequester();
        var userName = $"u-{Guid.NewGuid():N}"[..12];
        await using var scope = portal.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var account = await accounts.CreateAsync(new NewAccount(userName, "New person", "a long enough password"), admin, Ct);
        await accounts.SetRoleAsync(account.Id, PortalRoles.Admin, admin, Ct);
        await accounts.SetDisabledAsync(account.Id, true, admin, Ct);
        await Assert.ThrowsAsync<AccountException>(() => accounts.SetDisabledAsync(account.Id, false, requester, Ct));

        Assert.Equal(
            [AuditActions.CreateAccount, AuditActions.ChangeRole, AuditActions.DisableAccount],
            (await ListAsync(new AuditQuery { Actor = admin.Id })).Items.OrderBy(e => e.Id).Select(e => e.Action));
        var refused = Assert.Single((await ListAsync(new AuditQuery { Actor = requester.Id })).Items);
        Assert.Equal((AuditActions.EnableAccount, AuditOutcome.Rejected), (refused.Action, refused.Outcome));
    }

    private static PortalUser NewRequester()
    {
        var id = $"req-{Guid.NewGuid():N}"[..12];
        return new PortalUser(id, id, IsAdmin: false);
    }

    private Task<AuditPage> ListAsync(AuditQuery query) => portal.Services.GetRequiredService<AuditLog>().ListAsync(query, Ct);
}
