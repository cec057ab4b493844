namespace PrivateApiEdge.Testing;

/// <summary>
/// The one way a test waits for state another thread or process owns: poll with a deadline and, when time is up,
/// fail the test naming what was awaited and what was last seen. Never returns quietly on a timeout, so the
/// assertion after a wait always sees the awaited state.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a busy 2-core machine; a wait that needs more says so at the call site.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads until <paramref name="done"/> holds and returns that value; <paramref name="what"/> completes
    /// "waiting for ..." in the failure, and <paramref name="describe"/> (default ToString) shows the last value read.
    /// </summary>
    public static async Task<T> ReturnsAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null, Func<T, string>? describe = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = describe is null ? value?.ToString() : describe(value);
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}; last seen: {seen}");
            }

            await Task.Delay(interval ?? Interval, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(condition, held => held, what, timeout, _ => "not yet");

    /// <summary>Waits until <paramref name="condition"/> holds (state read without I/O).</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), held => held, what, timeout, _ => "not yet");
}
