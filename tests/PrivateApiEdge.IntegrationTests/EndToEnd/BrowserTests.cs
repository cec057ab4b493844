namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>
/// Every browser test shares one portal, and the collection runs alone after the parallel ones: Hangfire keeps
/// its storage in a static (<c>JobStorage.Current</c>), so a portal started later by another test class would
/// take over the job queue and leave this portal's deployments pending.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
