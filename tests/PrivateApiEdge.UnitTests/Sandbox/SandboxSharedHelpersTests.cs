using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.UnitTests.Sandbox;

public sealed class SandboxSharedHelpersTests
{
    [Fact]
    public void Paging_slices_from_the_start_and_names_the_first_item_left_over()
    {
        int[] items = [10, 11, 12, 13, 14];

        var (first, afterFirst) = Paging.Slice(items, 0, 2);
        var (last, afterLast) = Paging.Slice(items, 3, 2);
        var (beyond, afterBeyond) = Paging.Slice(items, 7, 2);

        Assert.Equal([10, 11], first);
        Assert.Equal(2, afterFirst);
        Assert.Equal([13, 14], last);
        Assert.Null(afterLast);
        Assert.Empty(beyond);
        Assert.Null(afterBeyond);
    }

    [Fact]
    public void Request_tags_keep_the_last_value_of_a_repeated_key_unless_the_service_refuses_duplicates()
    {
        var tags = SandboxTags.From([("env", "dev"), ("team", null), ("env", "prod")]);

        Assert.Equal([new SandboxTag("team", ""), new SandboxTag("env", "prod")], tags);
        var refused = Assert.Throws<SandboxServiceException>(() =>
            SandboxTags.From([("env", "dev"), ("env", "prod")], key => new SandboxServiceException("DuplicateTagKeys", key)));
        Assert.Equal("DuplicateTagKeys", refused.Code);
    }

    [Theory]
    [InlineData("instant", SandboxLatencyProfile.Instant)]
    [InlineData("fast", SandboxLatencyProfile.Fast)]
    [InlineData("realistic", SandboxLatencyProfile.Realistic)]
    public void The_configured_profile_name_reads_as_its_type(string name, SandboxLatencyProfile expected)
    {
        Assert.Equal(expected, new SandboxOptions { LatencyProfile = name }.Profile);
    }

    [Fact]
    public void Lifecycles_take_no_time_when_instant_and_the_aws_time_when_realistic()
    {
        var duration = new LifecycleDuration(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3));

        Assert.Equal(TimeSpan.Zero, SandboxLatency.Of(SandboxLatencyProfile.Instant, duration));
        Assert.Equal(TimeSpan.FromSeconds(2), SandboxLatency.Of(SandboxLatencyProfile.Fast, duration));
        Assert.Equal(TimeSpan.FromMinutes(3), SandboxLatency.Of(SandboxLatencyProfile.Realistic, duration));
    }
}
