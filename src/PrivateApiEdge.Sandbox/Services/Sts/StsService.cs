using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Sts;

/// <summary>STS (awsQuery, 2011-06-15): who am I, and AssumeRole into the seeded account.</summary>
public sealed partial class StsService : ISandboxService
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static readonly XNamespace Ns = Namespace;

    public string SigningName => "sts";

    public SandboxProtocol Protocol => SandboxProtocol.Query;

    public string XmlNamespace => Namespace;

    public SandboxErrorCode ThrottlingError { get; } = new("Throttling", 400, "Rate exceeded");

    public SandboxOperation? Resolve(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Form["Action"] switch
        {
            "GetCallerIdentity" => SandboxOperation.Sync("GetCallerIdentity", GetCallerIdentity),
            "AssumeRole" => SandboxOperation.Sync("AssumeRole", AssumeRole),
            _ => null,
        };
    }

    private static SandboxResponse GetCallerIdentity(SandboxRequest request)
    {
        // Credentials minted by AssumeRole carry the role session in their access key; anything else is the user.
        var accessKey = request.Scope.AccessKeyId;
        var arn = accessKey.StartsWith("ASIA", StringComparison.Ordinal)
            ? $"arn:aws:sts::{request.AccountId}:assumed-role/sandbox-role/sandbox-session"
            : $"arn:aws:iam::{request.AccountId}:user/sandbox-user";
        return QueryProtocol.Ok(request, Ns,
            new XElement(Ns + "Arn", arn),
            new XElement(Ns + "UserId", accessKey.StartsWith("ASIA", StringComparison.Ordinal) ? "AROASANDBOXROLE:sandbox-session" : "AIDASANDBOXUSER"),
            new XElement(Ns + "Account", request.AccountId));
    }

    private static SandboxResponse AssumeRole(SandboxRequest request)
    {
        var roleArn = request.Form.Required("RoleArn");
        var sessionName = request.Form.Required("RoleSessionName");
        var match = RoleArnPattern().Match(roleArn);
        if (!match.Success)
        {
            throw new SandboxServiceException("ValidationError", $"{roleArn} is invalid");
        }

        if (!SessionNamePattern().IsMatch(sessionName))
        {
            throw new SandboxServiceException("ValidationError",
                $"1 validation error detected: Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        var account = match.Groups["account"].Value;
        var roleName = match.Groups["name"].Value.Split('/').Last();
        if (account != request.AccountId)
        {
            throw new SandboxServiceException("AccessDenied",
                $"User: arn:aws:iam::{request.AccountId}:user/sandbox-user is not authorized to perform: sts:AssumeRole on resource: {roleArn}",
                HttpStatusCode.Forbidden);
        }

        var duration = request.Form.Number("DurationSeconds") ?? 3600;
        if (duration is < 900 or > 43200)
        {
            throw new SandboxServiceException("ValidationError",
                $"1 validation error detected: Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
        }

        var roleId = "AROA" + SandboxWorld.NewAlphanumeric(17);
        return QueryProtocol.Ok(request, Ns,
            new XElement(Ns + "Credentials",
                new XElement(Ns + "AccessKeyId", "ASIA" + SandboxWorld.NewAlphanumeric(16)),
                new XElement(Ns + "SecretAccessKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(30))),
                new XElement(Ns + "SessionToken", "IQoJb3JpZ2luX2VjE" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(96))),
                new XElement(Ns + "Expiration", Xml.Timestamp(request.Now.AddSeconds(duration)))),
            new XElement(Ns + "AssumedRoleUser",
                new XElement(Ns + "AssumedRoleId", $"{roleId}:{sessionName}"),
                new XElement(Ns + "Arn", $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}")),
            new XElement(Ns + "PackedPolicySize", "0"));
    }

    [GeneratedRegex(@"^arn:aws:iam::(?<account>\d{12}):role/(?<name>[\w+=,.@/-]+)$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();
}
