using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class DistributionGeoRestrictionTests
{
    [Fact]
    public void Allow_becomes_a_whitelist_of_upper_case_codes()
    {
        var geo = DistributionStep.GeoRestrictionOf(new GeoRestriction(GeoRestrictionType.Allow, ["de", "FR", "DE"]));

        Assert.Equal("whitelist", geo.RestrictionType);
        Assert.Equal(["DE", "FR"], geo.Items);
    }

    [Fact]
    public void Block_becomes_a_blacklist()
    {
        var geo = DistributionStep.GeoRestrictionOf(new GeoRestriction(GeoRestrictionType.Block, ["RU"]));

        Assert.Equal(("blacklist", "RU"), (geo.RestrictionType, Assert.Single(geo.Items)));
    }

    [Fact]
    public void No_restriction_is_sent_as_none_so_an_update_clears_an_old_one()
    {
        var geo = DistributionStep.GeoRestrictionOf(null);

        Assert.Equal("none", geo.RestrictionType);
        Assert.Empty(geo.Items);
    }
}
