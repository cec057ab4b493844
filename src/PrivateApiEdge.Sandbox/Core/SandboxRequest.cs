using System.Text;
using Microsoft.AspNetCore.Http;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Core;

/// <summary>One AWS API call as the dispatcher hands it to a service.</summary>
public sealed class SandboxRequest
{
    private readonly SandboxWorld _world;
    private readonly FaultInjector _faults;
    private QueryParameters? _form;

    internal SandboxRequest(HttpContext httpContext, SigV4CredentialScope scope, byte[] body, SandboxWorld world, FaultInjector faults)
    {
        HttpContext = httpContext;
        Scope = scope;
        Body = body;
        _world = world;
        _faults = faults;
        RequestId = Guid.NewGuid().ToString();
    }

    public HttpContext HttpContext { get; }

    public SigV4CredentialScope Scope { get; }

    /// <summary>The region of the credential scope: one sandbox serves every region.</summary>
    public string Region => Scope.Region;

    /// <summary>Any credentials act as the seeded demo account.</summary>
    public string AccountId => SandboxSeed.AccountId;

    public string RequestId { get; }

    public string Method => HttpContext.Request.Method;

    /// <summary>The undecoded request path (percent-escapes kept), as REST routes match it.</summary>
    public string RawPath => HttpContext.Request.Path.ToUriComponent();

    public IQueryCollection Query => HttpContext.Request.Query;

    public IHeaderDictionary Headers => HttpContext.Request.Headers;

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The world's clock. The world itself is not reachable from a request: services get it injected, so
    /// every handler reads and writes state one way.</summary>
    public DateTimeOffset Now => _world.Now;

    /// <summary>Path labels captured by a <see cref="RestRouteTable"/> match (already percent-decoded).</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; internal set; } = new Dictionary<string, string>();

    /// <summary>The model name of the operation, once resolved.</summary>
    public string Operation { get; internal set; } = string.Empty;

    /// <summary>Form parameters of ec2/query requests (the body, plus the query string for GET).</summary>
    public QueryParameters Form => _form ??= QueryParameters.FromRequest(this);

    /// <summary>
    /// When a resource created by this call becomes visible to Describe/Get calls: now, unless a
    /// delayed-consistency fault matches this call. Handlers stamp new resources with it
    /// (<see cref="SandboxWorld.Stamp"/> does).
    /// </summary>
    public DateTimeOffset NewResourceVisibleAt() =>
        Now + _faults.TakeConsistencyDelay(Scope.Service, Operation);
}
