using System.Text.Json;
using Npgsql;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>
/// Progress feed across portal instances over PostgreSQL LISTEN/NOTIFY: a worker on instance B publishes, and
/// every instance (B included) hears it on one listening connection and fans it out to its own subscribers.
/// No polling: an idle portal holds one connection blocked in <c>WaitAsync</c>.
/// </summary>
public sealed class PostgresDeploymentProgressNotifier : BackgroundService, IDeploymentProgressNotifier
{
    /// <summary>The NOTIFY channel; all instances of one database share it.</summary>
    public const string Channel = "privateapiedge_progress";

    // NOTIFY payloads must stay under 8000 bytes; messages are short, but a long AWS error text must not break publishing.
    private const int MaxMessageLength = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString;
    private readonly InProcessDeploymentProgressNotifier _local;
    private readonly ILogger<PostgresDeploymentProgressNotifier> _logger;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresDeploymentProgressNotifier(string connectionString, InProcessDeploymentProgressNotifier local, ILogger<PostgresDeploymentProgressNotifier> logger)
    {
        _connectionString = connectionString;
        _local = local;
        _logger = logger;
    }

    /// <summary>Completes once this instance listens, so nothing published after start-up is missed.</summary>
    public Task Listening => _listening.Task;

    public IDisposable Subscribe(Guid deploymentId, Func<DeploymentProgressEvent, Task> callback) => _local.Subscribe(deploymentId, callback);

    public IDisposable SubscribeAll(Func<DeploymentProgressEvent, Task> callback) => _local.SubscribeAll(callback);

    public async Task PublishAsync(DeploymentProgressEvent progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var message = progress.Message.Length > MaxMessageLength ? progress.Message[..MaxMessageLength] + "…" : progress.Message;
        var payload = JsonSerializer.Serialize(progress with { Message = message }, Json);
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            // The change is already persisted; a lost notification only delays a browser until its next read,
            // so it must never fail the step that published it.
            _logger.LogWarning(ex, "Could not publish progress of deployment {DeploymentId}", progress.DeploymentId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                backoff = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                _logger.LogWarning(ex, "Progress listener lost its connection; reconnecting in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        DeploymentProgressEvent? progress;
        try
        {
            progress = JsonSerializer.Deserialize<DeploymentProgressEvent>(e.Payload, Json);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignoring a malformed progress notification");
            return;
        }

        if (progress is not null)
        {
            // Fan out off the listener's thread: subscribers re-render circuits and must not stall WaitAsync.
            _ = Task.Run(() => _local.PublishAsync(progress));
        }
    }
}
