using System.Diagnostics;
using System.Text;

namespace PrivateApiEdge.IntegrationTests.ScaleOut;

/// <summary>
/// The portal as a real worker process (<c>dotnet PrivateApiEdge.Web.dll</c> with <c>Instance__Role=Worker</c>), the
/// way docker-compose runs it: its own Hangfire server over the shared PostgreSQL, AWS through endpoint overrides.
/// Keeps everything it prints so a failing test can show it.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    public bool HasExited => _process.HasExited;

    /// <summary>What the worker wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WorkerProcess Start(string name, IReadOnlyDictionary<string, string> environment)
    {
        var webDll = WebDllPath();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);

        // The test process' own settings (the database switch, ASP.NET test hooks) must not leak into the worker.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PRIVATEAPIEDGE_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Instance__Role"] = "Worker";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process) { Name = name };
        process.OutputDataReceived += (_, line) => worker.Append("out", line.Data);
        process.ErrorDataReceived += (_, line) => worker.Append("err", line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Kills the worker and everything it started, as a crashed machine would stop: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(Name).Append(' ').Append(stream).Append(": ").AppendLine(line);
        }
    }

    /// <summary>The portal's own build output next to this test assembly's (artifacts/bin/&lt;project&gt;/&lt;configuration&gt;).</summary>
    private static string WebDllPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testOutput.Parent!.Parent!.FullName, "PrivateApiEdge.Web", testOutput.Name, "PrivateApiEdge.Web.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The portal's build output {path} is missing: build tests/PrivateApiEdge.IntegrationTests (it builds the portal) first.");
    }
}
