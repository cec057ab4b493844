using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>
/// Runs AWS calls so that repeating a step is harmless: "not found" and "already exists" answers mean the goal is
/// already reached. Codes come from the API's <c>&lt;Service&gt;ErrorCodes</c> class.
/// </summary>
internal static class IdempotentAwsCalls
{
    /// <summary>The call's answer, or null when AWS says the thing is not there.</summary>
    public static async Task<T?> OrNullIfNotFoundAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>Runs a delete/revoke; "already gone" counts as done.</summary>
    public static async Task<bool> IgnoreNotFoundAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return false;
        }
    }

    /// <summary>Runs an authorize/put whose "already there" answer means the goal is reached; true when it added something.</summary>
    public static async Task<bool> IgnoreDuplicateAsync(Func<Task> call, params string[] duplicateCodes)
    {
        try
        {
            await call();
            return true;
        }
        catch (AwsApiException ex) when (ex.Is(duplicateCodes))
        {
            return false;
        }
    }
}
