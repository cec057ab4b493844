using Amazon.Runtime;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Runs calls made through an AWS SDK client (the EC2 and STS adapters): turns SDK service errors into
/// <see cref="AwsApiException"/> and meters each call, since SDK clients bypass our HTTP pipeline and its
/// metering handler. One record per call; the SDK's own retries happen inside it.
/// </summary>
public sealed class AwsSdkCallRunner
{
    private readonly AwsService _service;
    private readonly AwsCallMeter? _meter;
    private readonly Guid? _deploymentId;
    private readonly TimeProvider _timeProvider;
    private readonly AwsCallTally? _tally;

    public AwsSdkCallRunner(AwsService service, AwsCallMeter? meter = null, Guid? deploymentId = null, TimeProvider? timeProvider = null, AwsCallTally? tally = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _meter = meter;
        _deploymentId = deploymentId;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tally = tally;
    }

    public Task<T> RunAsync<T>(AwsOperation operation, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(operation.Name, call);
    }

    public Task RunAsync(AwsOperation operation, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(operation.Name, call);
    }

    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var startedAt = _timeProvider.GetUtcNow();
        var started = _timeProvider.GetTimestamp();
        try
        {
            var result = await call();
            Record(operation, startedAt, started, 200, null);
            return result;
        }
        catch (AmazonServiceException exception)
        {
            var translated = Translate(operation, exception);
            Record(operation, startedAt, started, (int)exception.StatusCode, translated.ErrorCode);
            throw translated;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Record(operation, startedAt, started, null, exception.GetType().Name);
            throw;
        }
    }

    public Task RunAsync(string operation, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(operation, async () =>
        {
            await call();
            return true;
        });
    }

    private AwsApiException Translate(string operation, AmazonServiceException exception)
    {
        // A 404 the SDK could not read as the service's error (an HTML page) means the route is not there, not the resource.
        var notAnAwsError = string.IsNullOrEmpty(exception.ErrorCode) || exception is AmazonUnmarshallingException
            || string.Equals(exception.ErrorCode, exception.StatusCode.ToString(), StringComparison.Ordinal);
        return new AwsApiException(
            _service.SigningName,
            operation,
            notAnAwsError ? $"Http{(int)exception.StatusCode}" : exception.ErrorCode,
            notAnAwsError && exception.StatusCode == System.Net.HttpStatusCode.NotFound ? AwsErrorParser.UnimplementedOperation(operation, null) : exception.Message,
            exception.StatusCode,
            exception.RequestId,
            exception);
    }

    private void Record(string operation, DateTimeOffset startedAt, long started, int? status, string? errorCode)
    {
        _meter?.Record(new AwsCallRecord(startedAt, _service.SigningName, operation, _deploymentId, status, errorCode, _timeProvider.GetElapsedTime(started)));
        _tally?.Add();
    }
}
