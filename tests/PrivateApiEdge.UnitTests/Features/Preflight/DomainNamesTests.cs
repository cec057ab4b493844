using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.UnitTests.Features.Preflight;

public sealed class DomainNamesTests
{
    [Theory]
    [InlineData("api.example.com", "api.example.com", true)]
    [InlineData("API.Example.com.", "api.example.com", true)]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "a.b.example.com", false)]
    [InlineData("*.b.example.com", "a.b.example.com", true)]
    [InlineData("example.com", "api.example.com", false)]
    [InlineData("*.other.com", "api.example.com", false)]
    [InlineData("*.example.com", "apiexample.com", false)]
    public void A_certificate_name_covers_exact_names_and_one_wildcard_label(string certificateName, string domain, bool covers) =>
        Assert.Equal(covers, DomainNames.Covers(certificateName, domain));

    [Theory]
    [InlineData("api.example.com", "example.com", true)]
    [InlineData("api.example.com", "example.com.", true)]
    [InlineData("example.com", "example.com", true)]
    [InlineData("api.myexample.com", "example.com", false)]
    [InlineData("api.example.com", "api.example.com", true)]
    public void A_domain_is_in_a_zone_on_a_label_boundary(string domain, string zone, bool inZone) =>
        Assert.Equal(inZone, DomainNames.IsInZone(domain, zone));
}
