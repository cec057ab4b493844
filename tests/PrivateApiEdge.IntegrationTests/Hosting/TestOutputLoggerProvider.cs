using Microsoft.Extensions.Logging;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>
/// Writes the portal's log to the output of the test that is running, so a failing test shows what the portal did.
/// Bounded on purpose: the portal's own categories from Information up, everyone else's (ASP.NET, EF, Hangfire)
/// only from Warning up; request and SQL chatter would bury the lines that explain a failure.
/// </summary>
/// <remarks>
/// A line goes to the test whose execution context wrote it (requests, with the test server preserving the
/// context); lines from threads that carry no live test (Hangfire workers, Kestrel, Blazor circuits of a shared
/// host) go to the test that last called <see cref="FollowCurrentTest"/>. A line with neither is dropped.
/// </remarks>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    private const string PortalCategoryPrefix = "PrivateApiEdge.";

    private ITestOutputHelper? _followed;

    /// <summary>Sends lines that belong to no test to the test now running (shared hosts: call at the start of each test).</summary>
    public void FollowCurrentTest() => Volatile.Write(ref _followed, TestContext.Current.TestOutputHelper);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static bool IsEnabled(string category, LogLevel level) =>
        level != LogLevel.None && level >= (category.StartsWith(PortalCategoryPrefix, StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

    private void Write(string line)
    {
        if (TryWrite(TestContext.Current.TestOutputHelper, line))
        {
            return;
        }

        TryWrite(Volatile.Read(ref _followed), line);
    }

    private static bool TryWrite(ITestOutputHelper? output, string line)
    {
        if (output is null)
        {
            return false;
        }

        try
        {
            output.WriteLine(line);
            return true;
        }
        catch (InvalidOperationException)
        {
            // That test has finished: its output is closed.
            return false;
        }
    }

    private sealed class Logger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => TestOutputLoggerProvider.IsEnabled(category, logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"[portal {DateTime.UtcNow:HH:mm:ss.fff} {logLevel}] {category}: {formatter(state, exception)}";
            provider.Write(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
        }
    }
}
