using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace PrivateApiEdge.UnitTests.Features.Provisioning.Support;

/// <summary>Records what would go to Hangfire instead of storing it.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<(Job Job, IState State)> _jobs = [];

    public IReadOnlyList<(Job Job, IState State)> Jobs
    {
        get
        {
            lock (_jobs)
            {
                return _jobs.ToList();
            }
        }
    }

    public string Create(Job job, IState state)
    {
        lock (_jobs)
        {
            _jobs.Add((job, state));
            return _jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}

/// <summary>Polls a condition (async state owned by other threads) until it holds or the time is up.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }
}
