using System.Net;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Services.ApiGateway;

namespace PrivateApiEdge.UnitTests.Sandbox.ApiGateway;

public sealed class ControlPlaneRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_second_CreateRestApi_inside_three_seconds_is_throttled_with_retry_after_under_the_realistic_profile()
    {
        var limiter = new ControlPlaneRateLimiter(SandboxLatencyProfile.Realistic);
        limiter.Admit("eu-west-1", "CreateRestApi", Start);

        var error = Assert.Throws<SandboxServiceException>(() => limiter.Admit("eu-west-1", "CreateRestApi", Start.AddSeconds(1)));

        Assert.Equal(("TooManyRequestsException", HttpStatusCode.TooManyRequests), (error.Code, error.Status));
        Assert.Equal("2", error.Headers["Retry-After"]);
        limiter.Admit("eu-west-1", "CreateRestApi", Start.AddSeconds(3));
    }

    [Fact]
    public void Quotas_are_per_region_and_operation()
    {
        var limiter = new ControlPlaneRateLimiter(SandboxLatencyProfile.Realistic);
        limiter.Admit("eu-west-1", "CreateDomainName", Start);

        limiter.Admit("us-east-1", "CreateDomainName", Start);
        limiter.Admit("eu-west-1", "CreateRestApi", Start);
        limiter.Admit("eu-west-1", "GetRestApis", Start);
        limiter.Admit("eu-west-1", "GetRestApis", Start);
        Assert.Throws<SandboxServiceException>(() => limiter.Admit("eu-west-1", "CreateDomainName", Start.AddSeconds(29)));
    }

    [Fact]
    public void The_fast_profile_shrinks_the_windows_and_the_instant_profile_has_none()
    {
        var fast = new ControlPlaneRateLimiter(SandboxLatencyProfile.Fast);
        var instant = new ControlPlaneRateLimiter(SandboxLatencyProfile.Instant);
        fast.Admit("eu-west-1", "DeleteRestApi", Start);
        instant.Admit("eu-west-1", "DeleteRestApi", Start);

        Assert.Throws<SandboxServiceException>(() => fast.Admit("eu-west-1", "DeleteRestApi", Start.AddSeconds(0.5)));
        fast.Admit("eu-west-1", "DeleteRestApi", Start.AddSeconds(1));
        instant.Admit("eu-west-1", "DeleteRestApi", Start);
    }
}
