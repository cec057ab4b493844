using PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

namespace PrivateApiEdge.UnitTests.Sandbox.ElasticLoadBalancing;

public sealed class HttpCodeMatcherTests
{
    [Theory]
    [InlineData("200", 403, false)]
    [InlineData("200", 200, true)]
    [InlineData("200,403", 403, true)]
    [InlineData("200-299", 204, true)]
    [InlineData("200-299,403", 403, true)]
    [InlineData("200-299", 403, false)]
    public void A_status_matches_when_a_listed_code_or_range_contains_it(string matcher, int status, bool matches) =>
        Assert.Equal(matches, HttpCodeMatcher.Matches(matcher, status));

    [Theory]
    [InlineData("200", true)]
    [InlineData("200,403", true)]
    [InlineData("200-499", true)]
    [InlineData("100", false)]
    [InlineData("500", false)]
    [InlineData("299-200", false)]
    [InlineData("ok", false)]
    [InlineData("", false)]
    public void Only_codes_between_200_and_499_are_valid(string matcher, bool valid) =>
        Assert.Equal(valid, HttpCodeMatcher.IsValid(matcher));
}
