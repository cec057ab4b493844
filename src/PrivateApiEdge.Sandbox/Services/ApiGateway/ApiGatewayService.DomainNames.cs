using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.Services.CertificateManager;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

public sealed partial class ApiGatewayService
{
    private SandboxResponse GetBasePathMapping(SandboxRequest request) => Json(HttpStatusCode.OK, MappingJson(Mapping(request)));

    private SandboxResponse GetBasePathMappings(SandboxRequest request) =>
        Json(HttpStatusCode.OK, new JsonObject { ["item"] = new JsonArray([.. Domain(request).Mappings.Select(m => (JsonNode)MappingJson(m))]) });

    private SandboxResponse GetDomainName(SandboxRequest request) => Json(HttpStatusCode.OK, DomainJson(Domain(request)));

    private static readonly Dictionary<string, string> RegionalHostedZones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z1UJRXOUMOOFQ8",
        ["us-east-2"] = "ZOJJZC49E0EPZ",
        ["us-west-2"] = "Z2OJLYMUO9EFXC",
        ["eu-west-1"] = "ZLY8HYME6SFDD",
        ["eu-central-1"] = "Z1U9ULNL0V5AJ3",
    };

    private SandboxResponse CreateDomainName(SandboxRequest request)
    {
        var body = JsonProtocol.ReadObject(request);
        var name = body["domainName"]?.GetValue<string>()?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            throw BadRequest("Invalid domain name identifier specified");
        }

        var types = Strings((body["endpointConfiguration"] as JsonObject)?["types"]);
        if (types.Count == 0)
        {
            types = ["EDGE"];
        }

        if (State.DomainNames.Any(d => d.Region == request.Region && d.DomainName == name))
        {
            throw new SandboxServiceException("ConflictException", "The domain name you provided already exists.", HttpStatusCode.Conflict);
        }

        var regional = types.Contains("REGIONAL");
        var certificateArn = regional ? body["regionalCertificateArn"]?.GetValue<string>() : body["certificateArn"]?.GetValue<string>();
        var certificateRegion = regional ? request.Region : "us-east-1";
        if (string.IsNullOrEmpty(certificateArn))
        {
            throw BadRequest(regional
                ? "A regional certificate is required for a REGIONAL domain name: specify regionalCertificateArn"
                : "A certificate is required for an EDGE domain name: specify certificateArn");
        }

        var certificate = _world.Part<AcmState>().Find(certificateArn);
        if (certificate is null || certificate.Region != certificateRegion)
        {
            throw BadRequest($"Invalid certificate ARN: {certificateArn}. Certificate must be in '{certificateRegion}'.");
        }

        if (certificate.StatusAt(_world.Now) != "ISSUED")
        {
            throw BadRequest($"Certificate {certificateArn} is not in ISSUED state (it is {certificate.StatusAt(_world.Now)}).");
        }

        if (!certificate.Covers(name))
        {
            throw BadRequest($"The certificate {certificateArn} does not cover the domain name {name}.");
        }

        var id = NewId(10);
        var domain = new DomainNameRecord
        {
            Id = name,
            Arn = $"arn:aws:apigateway:{request.Region}::/domainnames/{name}",
            Region = request.Region,
            DomainName = name,
            DomainNameId = id,
            EndpointTypes = types,
            RegionalCertificateArn = regional ? certificateArn : null,
            CertificateArn = regional ? null : certificateArn,
            RegionalDomainName = regional ? $"d-{id}.execute-api.{request.Region}.amazonaws.com" : "",
            RegionalHostedZoneId = regional ? RegionalHostedZones.GetValueOrDefault(request.Region, "ZLY8HYME6SFDD") : "",
            SecurityPolicy = body["securityPolicy"]?.GetValue<string>() ?? "TLS_1_0",
            Tags = ReadTags(body["tags"]),
        };
        _world.Stamp(domain, request);
        domain.AvailableAt = _world.Now + _world.Latency.Of(SandboxLifecycles.ApiGatewayDomain);
        State.DomainNames.Add(domain);
        certificate.InUseBy.Add(domain.Arn);
        return Json(HttpStatusCode.Created, DomainJson(domain));
    }

    private SandboxResponse GetDomainNames(SandboxRequest request)
    {
        var domains = State.DomainNames.Where(d => d.Region == request.Region && d.IsVisible(_world.Now)).ToList();
        var (page, next) = Page(domains, d => d.DomainName, request);
        var result = new JsonObject { ["item"] = new JsonArray([.. page.Select(d => (JsonNode)DomainJson(d))]) };
        if (next is not null)
        {
            result["position"] = next;
        }

        return Json(HttpStatusCode.OK, result);
    }

    private SandboxResponse DeleteDomainName(SandboxRequest request)
    {
        var domain = Domain(request);
        State.DomainNames.Remove(domain);
        var certificateArn = domain.RegionalCertificateArn ?? domain.CertificateArn;
        if (certificateArn is not null)
        {
            _world.Part<AcmState>().Find(certificateArn)?.InUseBy.Remove(domain.Arn);
        }

        return SandboxResponse.Empty(HttpStatusCode.Accepted);
    }

    private SandboxResponse CreateBasePathMapping(SandboxRequest request)
    {
        var domain = Domain(request);
        var body = JsonProtocol.ReadObject(request);
        var apiId = body["restApiId"]?.GetValue<string>() ?? throw BadRequest("Invalid REST API identifier specified");
        var api = State.RestApis.FirstOrDefault(a => a.Region == request.Region && a.Id == apiId)
            ?? throw BadRequest("Invalid REST API identifier specified");
        var stage = body["stage"]?.GetValue<string>();
        if (stage is not null && api.Stages.All(s => s.StageName != stage))
        {
            throw BadRequest("Invalid stage identifier specified");
        }

        var basePath = body["basePath"]?.GetValue<string>() is { Length: > 0 } path && path != "(none)" ? path.Trim('/') : "(none)";
        if (domain.Mappings.Any(m => m.BasePath == basePath))
        {
            throw new SandboxServiceException("ConflictException", "Base path already exists for this domain name", HttpStatusCode.Conflict);
        }

        var mapping = new BasePathMappingRecord(basePath, api.Id, stage);
        domain.Mappings.Add(mapping);
        return Json(HttpStatusCode.Created, MappingJson(mapping));
    }

    private SandboxResponse DeleteBasePathMapping(SandboxRequest request)
    {
        var domain = Domain(request);
        domain.Mappings.Remove(Mapping(request));
        return SandboxResponse.Empty(HttpStatusCode.Accepted);
    }

    private DomainNameRecord Domain(SandboxRequest request)
    {
        var name = request.PathParameters["domain_name"].ToLowerInvariant();
        return State.DomainNames.FirstOrDefault(d => d.Region == request.Region && d.DomainName == name && d.IsVisible(_world.Now))
            ?? throw NotFound("Invalid domain name identifier specified");
    }

    private BasePathMappingRecord Mapping(SandboxRequest request)
    {
        var basePath = request.PathParameters["base_path"] is { Length: > 0 } path ? path.Trim('/') : "(none)";
        return Domain(request).Mappings.FirstOrDefault(m => m.BasePath == basePath)
            ?? throw NotFound("Invalid base path mapping identifier specified");
    }

    private JsonObject DomainJson(DomainNameRecord domain)
    {
        var json = new JsonObject
        {
            ["domainName"] = domain.DomainName,
            ["domainNameArn"] = domain.Arn,
            ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray([.. domain.EndpointTypes.Select(t => (JsonNode)t)]) },
            ["domainNameStatus"] = domain.StatusAt(_world.Now),
            ["securityPolicy"] = domain.SecurityPolicy,
        };
        if (domain.RegionalCertificateArn is not null)
        {
            json["regionalDomainName"] = domain.RegionalDomainName;
            json["regionalHostedZoneId"] = domain.RegionalHostedZoneId;
            json["regionalCertificateArn"] = domain.RegionalCertificateArn;
        }

        if (domain.CertificateArn is not null)
        {
            json["certificateArn"] = domain.CertificateArn;
        }

        if (domain.Tags.Count > 0)
        {
            json["tags"] = TagsJson(domain.Tags);
        }

        return json;
    }

    private static JsonObject MappingJson(BasePathMappingRecord mapping)
    {
        var json = new JsonObject { ["basePath"] = mapping.BasePath, ["restApiId"] = mapping.RestApiId };
        if (mapping.Stage is not null)
        {
            json["stage"] = mapping.Stage;
        }

        return json;
    }
}
