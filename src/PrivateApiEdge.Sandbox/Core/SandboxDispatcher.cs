using System.Net;
using Microsoft.AspNetCore.Http;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Core;

/// <summary>
/// Routes every signed request to the service named in its SigV4 credential scope, applies injected faults,
/// and writes answers and errors in the service's protocol with AWS's request-id headers.
/// </summary>
public sealed class SandboxDispatcher
{
    private readonly Dictionary<string, ISandboxService> _services;
    private readonly SandboxWorld _world;
    private readonly FaultInjector _faults;
    private readonly ILogger<SandboxDispatcher> _logger;

    public SandboxDispatcher(IEnumerable<ISandboxService> services, SandboxWorld world, FaultInjector faults, ILogger<SandboxDispatcher> logger)
    {
        _services = services.ToDictionary(s => s.SigningName, StringComparer.OrdinalIgnoreCase);
        _world = world;
        _faults = faults;
        _logger = logger;
    }

    public IReadOnlyCollection<string> SigningNames => _services.Keys;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = SigV4CredentialScope.From(context.Request);
        if (scope is null)
        {
            await WriteAsync(context, Guid.NewGuid().ToString(), new SandboxResponse(HttpStatusCode.Forbidden, "application/json",
                """{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}"""));
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var request = new SandboxRequest(context, scope, buffer.ToArray(), _world, _faults);

        if (!_services.TryGetValue(scope.Service, out var service))
        {
            await WriteAsync(context, request.RequestId, new SandboxResponse(HttpStatusCode.BadRequest, "application/json",
                $$"""{"__type":"UnrecognizedClientException","message":"The sandbox does not emulate service '{{scope.Service}}'."}"""));
            return;
        }

        SandboxResponse response;
        try
        {
            var operation = service.Resolve(request) ?? throw UnknownOperation(service, request);
            request.Operation = operation.Name;
            switch (_faults.TakeRequestFault(service.SigningName, operation.Name))
            {
                case SandboxFaultKinds.ConnectionReset:
                    _logger.LogInformation("Fault: connection reset on {Service}.{Operation}", service.SigningName, operation.Name);
                    context.Abort();
                    return;
                case SandboxFaultKinds.UnimplementedRoute:
                    await WriteAsync(context, request.RequestId, new SandboxResponse(HttpStatusCode.NotFound, "text/html",
                        "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"));
                    return;
                case SandboxFaultKinds.Throttle:
                    throw new SandboxServiceException(service.ThrottlingError.Code, service.ThrottlingError.Message, (HttpStatusCode)service.ThrottlingError.Status);
                case SandboxFaultKinds.InternalError:
                    throw new SandboxServiceException(service.Protocol == SandboxProtocol.Ec2 ? "InternalError" : "InternalFailure",
                        "We encountered an internal error. Please try again.", HttpStatusCode.InternalServerError);
                case SandboxFaultKinds.Unavailable:
                    throw new SandboxServiceException(service.Protocol == SandboxProtocol.Ec2 ? "Unavailable" : "ServiceUnavailable",
                        "The service is unavailable. Please try again shortly.", HttpStatusCode.ServiceUnavailable);
            }

            response = await operation.HandleAsync(request, context.RequestAborted);
        }
        catch (SandboxServiceException ex)
        {
            response = ErrorResponse(service, request.RequestId, ex);
            foreach (var (name, value) in ex.Headers)
            {
                response.WithHeader(name, value);
            }
        }

        await WriteAsync(context, request.RequestId, response);
    }

    /// <summary>Writes an error in the protocol of the service.</summary>
    public static SandboxResponse ErrorResponse(ISandboxService service, string requestId, SandboxServiceException error)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Protocol switch
        {
            SandboxProtocol.Ec2 => Ec2Protocol.Error(requestId, error),
            SandboxProtocol.Query => QueryProtocol.Error(requestId, service.XmlNamespace, error),
            SandboxProtocol.RestXml => RestXmlProtocol.Error(requestId, service.XmlNamespace, error),
            SandboxProtocol.Json => JsonProtocol.Json11Error(error),
            _ => JsonProtocol.RestJsonError(error),
        };
    }

    private static SandboxServiceException UnknownOperation(ISandboxService service, SandboxRequest request) => service.Protocol switch
    {
        SandboxProtocol.Ec2 => new SandboxServiceException("InvalidAction", $"The action {request.Form["Action"]} is not valid for this web service."),
        SandboxProtocol.Query => new SandboxServiceException("InvalidAction", $"Could not find operation {request.Form["Action"]} for version {request.Form["Version"]}"),
        SandboxProtocol.Json => new SandboxServiceException("UnknownOperationException", $"Unknown operation {request.Headers["X-Amz-Target"]}"),
        _ => new SandboxServiceException("UnknownOperationException", $"No operation matches {request.Method} {request.RawPath}", HttpStatusCode.NotFound),
    };

    private static async Task WriteAsync(HttpContext context, string requestId, SandboxResponse response)
    {
        context.Response.StatusCode = (int)response.Status;
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        context.Response.Headers["x-amz-request-id"] = requestId;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var body = response.BodyBytes();
        if (response.ContentType.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
        }

        // A 204 or 304 carries no body and no Content-Length: Kestrel refuses even an empty write for them.
        if (response.Status is HttpStatusCode.NoContent or HttpStatusCode.NotModified)
        {
            return;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
