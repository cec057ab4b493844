namespace PrivateApiEdge.Benchmarks;

public sealed record StepTiming(string Step, double StartSeconds, double DurationSeconds, int Executions, int AwsCalls);

public sealed record ProvisionRun(
    double WallSeconds,
    double EngineSeconds,
    double StepSumSeconds,
    int ProvisionCalls,
    Dictionary<string, int> ProvisionCallsByOperation,
    double TeardownWallSeconds,
    int TeardownCalls,
    Dictionary<string, int> TeardownCallsByOperation,
    List<StepTiming> Steps);

public sealed record ProvisionResult(
    string Profile,
    double LowerBoundSeconds,
    List<string> CriticalPath,
    Dictionary<string, string?> PortalSettings,
    string LoadBefore,
    string LoadAfter,
    List<ProvisionRun> Runs);

public sealed record CallWindowPeak(string Api, int Calls, double WindowSeconds);

public sealed record LoadRun(
    int Deployments,
    int Succeeded,
    int Failed,
    double TotalSeconds,
    double PeakWorkingSetMiB,
    double SampledPeakWorkingSetMiB,
    double FeedDelayP50Milliseconds,
    double FeedDelayP95Milliseconds,
    double FeedDelayMaxMilliseconds,
    int FeedDelaySamples,
    int WorkerCount,
    Dictionary<string, int> PeakCallsPerSecondByOperation,
    Dictionary<string, int> PeakCallsPerSecondByService,
    List<CallWindowPeak> PeaksInLimitWindows,
    List<CallWindowPeak> AcceptedPeaksInLimitWindows,
    int TotalAwsCalls,
    int ThrottledOrFailedCalls,
    Dictionary<string, int> FailedCallsByOperation,
    string LoadBefore,
    string LoadAfter);

public sealed record DashboardRun(string Provider, int Rows, string Query, List<double> Milliseconds);

public sealed record DashboardResult(List<DashboardRun> Runs, string LoadBefore, string LoadAfter, string? PostgresNote);
