using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox.Control;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;

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

    /// <summary>The host's services (the <see cref="SandboxWorld"/>, the <see cref="FaultInjector"/>, ...), for tests.</summary>
    public IServiceProvider Services => _app.Services;

    public SandboxWorld World => _app.Services.GetRequiredService<SandboxWorld>();

    public FaultInjector Faults => _app.Services.GetRequiredService<FaultInjector>();

    /// <summary>Starts the sandbox on 127.0.0.1 at <see cref="SandboxOptions.Port"/> (0 = any free port).</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");

        // In-process, the sandbox shares the portal's console; per-request hosting logs would drown the portal's own.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
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
        AddSandboxServices(builder.Services);
        var app = builder.Build();

        // Build the world now, so a bad state file fails at start rather than on the first call.
        app.Services.GetRequiredService<SandboxWorld>();
        var dispatcher = app.Services.GetRequiredService<SandboxDispatcher>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/_sandbox", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            await dispatcher.HandleAsync(context);
        });

        app.MapGet("/_sandbox/health", (IOptions<SandboxOptions> options) =>
            Results.Ok(new { status = "ok", latencyProfile = options.Value.LatencyProfile }));
        foreach (var module in app.Services.GetServices<ISandboxEndpointModule>())
        {
            module.Map(app);
        }

        return app;
    }

    /// <summary>Registers the core and every service, seeder and endpoint module found in this assembly, so
    /// adding one is dropping a class in its folder.</summary>
    internal static void AddSandboxServices(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SandboxOptions>>().Value.TimeProvider);
        services.AddSingleton<SandboxLatency>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<SandboxDispatcher>();

        var types = typeof(SandboxHost).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        foreach (var type in types)
        {
            if (typeof(ISandboxService).IsAssignableFrom(type))
            {
                // Registered under its own type too, so services can depend on each other (ELBv2 on EC2...).
                services.AddSingleton(type);
                services.AddSingleton(typeof(ISandboxService), sp => sp.GetRequiredService(type));

                // And under the sandbox's own interfaces it answers (ILoadBalancerDirectory...), which is what the
                // data path and other services ask for instead of the concrete service.
                foreach (var contract in type.GetInterfaces().Where(i => i != typeof(ISandboxService) && i.Assembly == type.Assembly))
                {
                    services.AddSingleton(contract, sp => sp.GetRequiredService(type));
                }
            }

            if (typeof(ISandboxSeeder).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(ISandboxSeeder), type);
            }

            if (typeof(ISandboxEndpointModule).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(ISandboxEndpointModule), type);
            }
        }
    }
}
