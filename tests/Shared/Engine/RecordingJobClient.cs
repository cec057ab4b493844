using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace PrivateApiEdge.Testing.Engine;

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
