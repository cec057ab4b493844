using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>One log line with the properties of every scope that was active when it was written.</summary>
public sealed record RecordedLogLine(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scopes);

/// <summary>Keeps every log line with its scopes, the way a JSON console or a log shipper would see them.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<RecordedLogLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<RecordedLogLine> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>(StringComparer.Ordinal);
            provider._scopes.ForEachScope(
                (scope, properties) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            properties[key] = value;
                        }
                    }
                },
                scopes);
            provider._lines.Enqueue(new RecordedLogLine(category, logLevel, formatter(state, exception), scopes));
        }
    }
}
