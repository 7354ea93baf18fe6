using Microsoft.Playwright;

namespace Coordination.ConsoleTests.Fixtures;

public static class PageExtensions
{
    /// <summary>Reloads until something that arrives through the messages (a proposed meeting, a hand-over) is on the page.</summary>
    public static async Task ReloadUntilAsync(this IPage page, ILocator locator, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                await locator.First.WaitForAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                await page.ReloadAsync();
            }
        }
    }
}
