namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>API Gateway error types (the model's exception shape names) that the API steps branch on.</summary>
public static class ApiGatewayErrorCodes
{
    public const string NotFound = "NotFoundException";

    /// <summary>E.g. a custom domain or base path mapping that already exists.</summary>
    public const string Conflict = "ConflictException";

    /// <summary>E.g. deploying a private API that has no resource policy.</summary>
    public const string BadRequest = "BadRequestException";

    public const string TooManyRequests = "TooManyRequestsException";
    public const string LimitExceeded = "LimitExceededException";
    public const string Unauthorized = "UnauthorizedException";
    public const string ServiceUnavailable = "ServiceUnavailableException";
}
