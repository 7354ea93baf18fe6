using Coordination.ConsoleTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

[Collection(ConsoleCollection.Name)]
public sealed class When_a_session_expires(ConsoleFixture console)
{
    [Fact]
    public async Task The_person_is_sent_back_to_sign_in()
    {
        // The second console's sessions last 8 seconds.
        var page = await console.SignInAsync(console.People.Clerk, console.ShortAddress);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记信访件" })).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.StartsWith($"http://127.0.0.1:{console.System.Directory.HttpPort}/account/login", page.Url);

        await ConsoleFixture.LogInAsync(page, console.People.Clerk);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记信访件" })).ToBeVisibleAsync();
        Assert.StartsWith(console.ShortAddress, page.Url);
    }
}
