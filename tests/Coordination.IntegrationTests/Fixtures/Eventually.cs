namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Polls a probe until it holds; on time-out says what it waited for and what it last saw.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string waitingFor, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T last;
        Exception? lastError = null;
        do
        {
            try
            {
                last = await probe();
                if (holds(last)) return last;
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                last = default!;
                lastError = ex;
            }
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"timed out waiting for {waitingFor}; last seen: {last?.ToString() ?? lastError?.Message ?? "nothing"}");
    }
}
