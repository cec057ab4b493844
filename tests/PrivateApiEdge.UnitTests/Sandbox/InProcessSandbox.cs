using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Faults;

namespace PrivateApiEdge.UnitTests.Sandbox;

/// <summary>
/// The sandbox's services and dispatcher without a web server: a request is a DefaultHttpContext handed to the
/// dispatcher, so wire formats can be checked without sockets.
/// </summary>
internal sealed class InProcessSandbox : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly SandboxDispatcher _dispatcher;

    public InProcessSandbox(string latencyProfile = "instant")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Options.Create(new SandboxOptions { LatencyProfile = latencyProfile }));
        SandboxHost.AddSandboxServices(services);
        _provider = services.BuildServiceProvider();
        _dispatcher = _provider.GetRequiredService<SandboxDispatcher>();
    }

    public FaultInjector Faults => _provider.GetRequiredService<FaultInjector>();

    public async Task<SandboxCall> SendAsync(
        string service, string region, string method, string path, string? body = null,
        IReadOnlyDictionary<string, string>? headers = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = PathString.FromUriComponent(path);
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers.Authorization =
            $"AWS4-HMAC-SHA256 Credential=AKIDUNITTEST/20260101/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await _dispatcher.HandleAsync(context);
        return new SandboxCall(context.Response.StatusCode, Encoding.UTF8.GetString(responseBody.ToArray()), context.Response.Headers);
    }

    /// <summary>An ec2/query call: form-encoded Action, Version and parameters.</summary>
    public Task<SandboxCall> QueryAsync(string service, string region, string action, string version, params (string Name, string Value)[] parameters)
    {
        var form = string.Join('&', new[] { ("Action", action), ("Version", version) }.Concat(parameters)
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        return SendAsync(service, region, "POST", "/", form, new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" });
    }

    public Task<SandboxCall> JsonAsync(string region, string target, string body) =>
        SendAsync("acm", region, "POST", "/", body, new Dictionary<string, string>
        {
            ["X-Amz-Target"] = target,
            ["Content-Type"] = "application/x-amz-json-1.1",
        });

    public void Dispose() => _provider.Dispose();
}

internal sealed record SandboxCall(int Status, string Body, IHeaderDictionary Headers);
