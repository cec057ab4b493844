namespace PrivateApiEdge.Web.Aws.Sts;

public sealed record CallerIdentity(string Account, string Arn, string UserId);

public sealed record AssumeRoleRequest
{
    public required string RoleArn { get; init; }

    public required string RoleSessionName { get; init; }

    public string? ExternalId { get; init; }

    public int? DurationSeconds { get; init; }
}

public sealed record AssumeRoleResponse(TemporaryCredentials Credentials, string? AssumedRoleArn, string? AssumedRoleId);

/// <summary>Short-lived credentials from AssumeRole. <see cref="ToString"/> hides the secrets so a log line never leaks them.</summary>
public sealed record TemporaryCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration)
{
    public override string ToString() => $"TemporaryCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O} }}";
}
