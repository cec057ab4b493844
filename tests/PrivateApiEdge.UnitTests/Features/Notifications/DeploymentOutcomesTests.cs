using System.Security.Claims;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Notifications;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.UnitTests.Features.Notifications;

public sealed class DeploymentOutcomesTests
{
    private static DeploymentProgressEvent Event(DeploymentStatus status, string? step = null) =>
        new(Guid.NewGuid(), status, DeploymentPhase.Provision, step, step is null ? null : StepStatus.Succeeded, "m", DateTimeOffset.UnixEpoch);

    private static ClaimsPrincipal User(string name, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    [Theory]
    [InlineData(DeploymentStatus.Succeeded, true)]
    [InlineData(DeploymentStatus.Failed, true)]
    [InlineData(DeploymentStatus.TornDown, true)]
    [InlineData(DeploymentStatus.TeardownFailed, true)]
    [InlineData(DeploymentStatus.Provisioning, false)]
    [InlineData(DeploymentStatus.TearingDown, false)]
    [InlineData(DeploymentStatus.Pending, false)]
    public void Only_settled_statuses_are_outcomes(DeploymentStatus status, bool outcome)
    {
        Assert.Equal(outcome, DeploymentOutcomes.IsOutcome(Event(status)));
    }

    [Fact]
    public void A_step_event_that_carries_a_settled_status_along_is_no_outcome()
    {
        Assert.False(DeploymentOutcomes.IsOutcome(Event(DeploymentStatus.Succeeded, step: "endpoint-test")));
    }

    [Fact]
    public void Owners_hear_of_their_own_admins_of_all_and_nobody_signed_in_of_anonymous_ones()
    {
        Assert.True(DeploymentOutcomes.Concerns(User("alice"), "alice"));
        Assert.False(DeploymentOutcomes.Concerns(User("bob"), "alice"));
        Assert.True(DeploymentOutcomes.Concerns(User("root", PortalRoles.Admin), "alice"));
        Assert.True(DeploymentOutcomes.Concerns(new ClaimsPrincipal(new ClaimsIdentity()), DeploymentOutcomes.AnonymousOwner));
        Assert.False(DeploymentOutcomes.Concerns(null, "alice"));
    }

    [Fact]
    public void The_name_identifier_is_the_owner_id_when_the_principal_has_one()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-42"), new Claim(ClaimTypes.Name, "Alice")], "test"));

        Assert.True(DeploymentOutcomes.Concerns(user, "u-42"));
        Assert.False(DeploymentOutcomes.Concerns(user, "Alice"));
    }

    [Fact]
    public void Messages_say_what_happened_and_shorten_long_errors()
    {
        var id = Guid.NewGuid();
        var failed = new DeploymentOutcome(id, "orders", "orders.example.com", "alice", DeploymentStatus.Failed, "distribution", new string('x', 500));

        Assert.Equal("orders is live at https://orders.example.com/", (failed with { Status = DeploymentStatus.Succeeded }).Message);
        Assert.StartsWith("orders failed at step 'distribution': xxx", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("…", failed.Message, StringComparison.Ordinal);
        Assert.True(failed.Message.Length < 220);
        Assert.Equal("Teardown of orders failed.", (failed with { Status = DeploymentStatus.TeardownFailed, FailedStep = null, Error = null }).Message);
        Assert.Equal($"/deployments/{id}", failed.Link);
    }
}
