using System.Globalization;
using System.Text.Json;

namespace PrivateApiEdge.Benchmarks;

/// <summary>
/// Entry point. A named class rather than top-level statements: the portal's own global <c>Program</c> is
/// referenced here (WebApplicationFactory&lt;Program&gt;) and must not clash.
/// Usage (scripts/benchmark.sh runs these and writes docs/benchmarks.md):
///   provision --runs 5 --out provision.json
///   load --deployments 200 --out load-1.json       (one repetition per process: a clean peak-memory figure)
///   dashboard --rows 10000 --runs 30 --out dashboard.json
///   report --results &lt;dir&gt; --mode full --out docs/benchmarks.md
/// </summary>
public static class BenchmarkProgram
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.FirstOrDefault() ?? "help";
        var options = Arguments(args.Skip(1).ToArray());
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        // The portal as configured for the fast sandbox. Hangfire's queue poll is the one setting outside what the
        // sandbox profile implies: an idle worker looks for new jobs every 50 ms instead of the default 1 s.
        var portalSettings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["BackgroundJobs:QueuePollInterval"] = "00:00:00.050",
        };

        switch (command)
        {
            case "provision":
                await WriteAsync(options, await ProvisionBenchmark.RunAsync(Int(options, "runs", 5), portalSettings, cancel.Token), cancel.Token);
                break;
            case "load":
                await WriteAsync(options, await LoadBenchmark.RunAsync(Int(options, "deployments", 200), portalSettings, cancel.Token), cancel.Token);
                break;
            case "dashboard":
                await WriteAsync(options, await DashboardBenchmark.RunAsync(Int(options, "rows", 10_000), Int(options, "runs", 30), cancel.Token), cancel.Token);
                break;
            case "report":
                var markdown = Report.Render(options["results"], options.GetValueOrDefault("mode") ?? "full");
                await File.WriteAllTextAsync(options["out"], markdown, cancel.Token);
                Console.WriteLine($"wrote {options["out"]}");
                break;
            default:
                await Console.Error.WriteLineAsync("usage: provision|load|dashboard|report [--option value]...");
                return 2;
        }

        return 0;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static async Task WriteAsync<T>(Dictionary<string, string> options, T result, CancellationToken cancellationToken)
    {
        var path = options["out"];
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json), cancellationToken);
        Console.WriteLine($"wrote {path}");
    }

    private static Dictionary<string, string> Arguments(string[] args)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            parsed[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }
}
