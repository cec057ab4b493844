using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Sandbox;

/// <summary>
/// The local AWS emulator as a web host: started in-process by the portal, or standalone.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where every emulated service answers (the service is read from the SigV4 credential scope).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the sandbox on 127.0.0.1 at <see cref="SandboxOptions.Port"/> (0 = any free port).</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Services.AddSingleton(Options.Create(options));
        var app = Build(builder);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        return new SandboxHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Runs until Ctrl+C; honours <c>--urls</c> and <c>Sandbox:*</c> settings.</summary>
    public static async Task RunStandaloneAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        var app = Build(builder);
        await app.RunAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapGet("/_sandbox/health", (IOptions<SandboxOptions> options) =>
            Results.Ok(new { status = "ok", latencyProfile = options.Value.LatencyProfile }));
        return app;
    }
}
