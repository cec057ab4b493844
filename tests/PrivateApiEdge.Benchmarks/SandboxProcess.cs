using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PrivateApiEdge.Benchmarks;

/// <summary>
/// The sandbox as its own process on a loopback port, so the portal's memory and CPU are measured without it.
/// Runs the sandbox assembly copied next to this program (a project reference).
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<SandboxProcess> StartAsync(string profile, CancellationToken cancellationToken, int extraDemoSubnets = 0)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "PrivateApiEdge.Sandbox.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { assembly, "--urls", $"http://127.0.0.1:{port}", $"--Sandbox:LatencyProfile={profile}", "--Sandbox:StateFile=", "--Logging:LogLevel:Default=Warning", $"--Sandbox:ExtraDemoSubnets={extraDemoSubnets}" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[sandbox] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sandbox = new SandboxProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await sandbox.WaitUntilListeningAsync(port, cancellationToken);
        return sandbox;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sandbox process exited with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
