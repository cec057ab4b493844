using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>Runs the sandbox on a loopback port for as long as the portal runs.</summary>
internal sealed class InProcessSandboxService(
    IOptions<SandboxOptions> options,
    CurrentAwsMode endpoint,
    IHostEnvironment environment,
    ILogger<InProcessSandboxService> logger) : IHostedService, IAsyncDisposable
{
    private SandboxHost? _host;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.StateFile))
        {
            settings.StateFile = SqliteConnectionStrings.RootedFilePath(settings.StateFile, environment.ContentRootPath);
        }

        _host = await SandboxHost.StartAsync(settings, cancellationToken);
        endpoint.SetBaseAddress(_host.BaseAddress);
        logger.LogInformation("No AWS account configured: sandbox started at {SandboxUrl} ({Profile} profile)",
            _host.BaseAddress, settings.LatencyProfile);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            await _host.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
