using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Dashboard;

public sealed class DashboardServiceTests : IClassFixture<PortalAppFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly PortalUser Admin = new("root", "Root", IsAdmin: true);
    private readonly PortalAppFactory _factory;

    public DashboardServiceTests(PortalAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Pages_are_cut_in_the_database_with_the_total_of_all_matches()
    {
        var owner = await SeedAsync(count: 30);

        var page = await ListAsync(new DeploymentListQuery { Owner = owner, Page = 1, PageSize = 10, SortBy = DeploymentSortColumn.Name, Descending = false });

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"{owner}-{i:D3}"), page.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Search_matches_name_domain_owner_and_region_ignoring_case()
    {
        var owner = await SeedAsync(count: 5);

        var byDomain = await ListAsync(new DeploymentListQuery { Owner = owner, Search = "API-3." });
        var byRegion = await ListAsync(new DeploymentListQuery { Owner = owner, Search = "us-west-2" });

        Assert.Equal([$"{owner}-003"], byDomain.Items.Select(i => i.Name));
        Assert.All(byRegion.Items, i => Assert.Equal("us-west-2", i.Region));
        Assert.Equal(2, byRegion.TotalCount);
    }

    [Fact]
    public async Task Search_treats_like_wildcards_as_plain_text()
    {
        var owner = await SeedAsync(count: 3);

        var page = await ListAsync(new DeploymentListQuery { Owner = owner, Search = "%" });

        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task Newest_updates_come_first_by_default()
    {
        var owner = await SeedAsync(count: 4);

        var page = await ListAsync(new DeploymentListQuery { Owner = owner });

        Assert.Equal(page.Items.OrderByDescending(i => i.UpdatedAt).Select(i => i.Id), page.Items.Select(i => i.Id));
        Assert.Equal($"{owner}-003", page.Items[0].Name);
    }

    [Fact]
    public async Task Sorting_by_created_orders_by_creation_not_by_the_last_change()
    {
        var owner = await SeedAsync(count: 4);
        await UpdateInReverseCreationOrderAsync(owner);

        var oldestFirst = await ListAsync(new DeploymentListQuery { Owner = owner, SortBy = DeploymentSortColumn.CreatedAt, Descending = false });
        var newestFirst = await ListAsync(new DeploymentListQuery { Owner = owner, SortBy = DeploymentSortColumn.CreatedAt, Descending = true });
        var byUpdate = await ListAsync(new DeploymentListQuery { Owner = owner, SortBy = DeploymentSortColumn.UpdatedAt, Descending = true });

        string[] created = [$"{owner}-000", $"{owner}-001", $"{owner}-002", $"{owner}-003"];
        Assert.Equal(created, oldestFirst.Items.Select(i => i.Name));
        Assert.Equal(created.Reverse(), newestFirst.Items.Select(i => i.Name));
        Assert.Equal(created, byUpdate.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Sorting_by_created_pages_through_the_database_order()
    {
        var owner = await SeedAsync(count: 7);

        var second = await ListAsync(new DeploymentListQuery { Owner = owner, SortBy = DeploymentSortColumn.CreatedAt, Descending = true, Page = 1, PageSize = 3 });

        Assert.Equal(7, second.TotalCount);
        Assert.Equal([$"{owner}-003", $"{owner}-002", $"{owner}-001"], second.Items.Select(i => i.Name));
    }

    [Theory]
    [InlineData(DeploymentSortColumn.Name)]
    [InlineData(DeploymentSortColumn.Status)]
    [InlineData(DeploymentSortColumn.Owner)]
    [InlineData(DeploymentSortColumn.DomainName)]
    [InlineData(DeploymentSortColumn.Region)]
    [InlineData(DeploymentSortColumn.CreatedAt)]
    [InlineData(DeploymentSortColumn.UpdatedAt)]
    public async Task Every_sortable_column_sorts_both_ways_in_the_database(DeploymentSortColumn column)
    {
        var owner = await SeedAsync(count: 6);
        await UpdateInReverseCreationOrderAsync(owner);
        await SetStatusesAsync(owner);

        var ascending = (await ListAsync(new DeploymentListQuery { Owner = owner, SortBy = column, Descending = false })).Items;
        var descending = (await ListAsync(new DeploymentListQuery { Owner = owner, SortBy = column, Descending = true })).Items;

        Func<DeploymentListItem, string> key = column switch
        {
            DeploymentSortColumn.Name => i => i.Name,
            DeploymentSortColumn.Status => i => i.Status.ToString(),
            DeploymentSortColumn.Owner => i => i.Owner,
            DeploymentSortColumn.DomainName => i => i.DomainName,
            DeploymentSortColumn.Region => i => i.Region,
            DeploymentSortColumn.CreatedAt => i => i.CreatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
            _ => i => i.UpdatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(6, ascending.Count);
        Assert.Equal(ascending.Select(key).Order(StringComparer.Ordinal), ascending.Select(key));
        Assert.Equal(descending.Select(key).OrderDescending(StringComparer.Ordinal), descending.Select(key));
    }

    [Fact]
    public async Task A_page_size_beyond_the_limit_is_clamped()
    {
        var owner = await SeedAsync(count: 3);

        var page = await ListAsync(new DeploymentListQuery { Owner = owner, PageSize = 100_000, Page = -4 });

        Assert.Equal(3, page.Items.Count);
    }

    [Fact]
    public async Task A_requester_lists_only_their_own_deployments_whatever_owner_they_ask_for()
    {
        var mine = await SeedAsync(count: 2);
        var theirs = await SeedAsync(count: 3);
        var requester = new PortalUser(mine, mine, IsAdmin: false);

        var own = await ListAsync(new DeploymentListQuery { PageSize = DeploymentListQuery.MaxPageSize }, requester);
        var snooping = await ListAsync(new DeploymentListQuery { Owner = theirs }, requester);
        var admin = await ListAsync(new DeploymentListQuery { Owner = theirs });

        Assert.Equal(2, own.TotalCount);
        Assert.All(own.Items, i => Assert.Equal(mine, i.Owner));
        Assert.Equal(0, snooping.TotalCount);
        Assert.Equal(3, admin.TotalCount);
    }

    private Task<DeploymentListPage> ListAsync(DeploymentListQuery query, PortalUser? user = null)
    {
        using var scope = _factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DashboardService>().ListAsync(query, user ?? Admin, TestContext.Current.CancellationToken);
    }

    /// <summary>The first created is changed last, so created and updated order disagree.</summary>
    private async Task UpdateInReverseCreationOrderAsync(string owner)
    {
        var factory = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var rows = await db.Deployments.Where(d => d.Owner == owner).Select(d => new { d.Id, d.Name }).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var row in rows)
        {
            var index = int.Parse(row.Name[^3..], System.Globalization.CultureInfo.InvariantCulture);
            var updated = Start.AddHours(1).AddMinutes(-index);
            await db.Deployments.Where(d => d.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.UpdatedAt, updated), TestContext.Current.CancellationToken);
        }
    }

    private async Task SetStatusesAsync(string owner)
    {
        DeploymentStatus[] statuses = [DeploymentStatus.TornDown, DeploymentStatus.Failed, DeploymentStatus.Succeeded, DeploymentStatus.Pending, DeploymentStatus.Provisioning, DeploymentStatus.TeardownFailed];
        var factory = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < statuses.Length; i++)
        {
            var name = $"{owner}-{i:D3}";
            var status = statuses[i];
            await db.Deployments.Where(d => d.Name == name).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, status), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Each test gets its own owner so tests never count each other's rows.</summary>
    private async Task<string> SeedAsync(int count)
    {
        var owner = $"owner{Guid.NewGuid():N}"[..16];
        var factory = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < count; i++)
        {
            var region = i % 2 == 0 ? "eu-west-1" : "us-west-2";
            var request = DeploymentRequests.Demo($"{owner}-{i:D3}").InRegion(region) with { DomainName = $"api-{i}.{owner}.example.com" };
            db.Deployments.Add(Deployment.Create(Guid.NewGuid(), request, owner, StepPlan.Provisioning.Select(s => s.Name), Start.AddMinutes(i)));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return owner;
    }
}
