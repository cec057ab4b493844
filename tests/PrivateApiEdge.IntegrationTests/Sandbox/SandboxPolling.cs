namespace PrivateApiEdge.IntegrationTests.Sandbox;

/// <summary>Waits for an asynchronous lifecycle by polling its observable state, never by sleeping a fixed time.</summary>
internal static class SandboxPolling
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return await condition();
    }
}
