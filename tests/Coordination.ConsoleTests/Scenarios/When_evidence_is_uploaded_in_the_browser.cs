using System.Security.Cryptography;
using Coordination.ConsoleTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.ConsoleTests.Scenarios;

/// <summary>Attachments in the browser (issue 16): the department uploads evidence on the case page and downloads it byte for byte; another unit cannot.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_evidence_is_uploaded_in_the_browser(ConsoleFixture console)
{
    [Fact]
    public async Task The_department_uploads_and_downloads_it_and_another_unit_gets_not_found()
    {
        var registered = await Registrations.RegisterAsync(console, r => { r.RegionCode = "320102"; r.Summary = "楼道堆物占用消防通道"; });
        var department = await console.SignInAsync(console.People.XuanwuHousing);
        await department.GotoAsync($"{console.Address}/cases/{registered.CaseId}");
        await department.ReloadUntilAsync(department.Locator("#evidence"));

        var bytes = RandomNumberGenerator.GetBytes(150_000);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        await department.Locator("#evidence").SetInputFilesAsync(new FilePayload { Name = "整改证据.pdf", MimeType = "application/pdf", Buffer = bytes });
        await Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("已上传 整改证据.pdf", new() { Timeout = 20_000 });
        var link = department.Locator("tr[data-file='整改证据.pdf'] a");
        var href = await link.GetAttributeAsync("href");

        var download = await department.Context.APIRequest.GetAsync(console.Address + href);
        Assert.Equal(200, download.Status);
        Assert.Equal(bytes, await download.BodyAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), download.Headers["x-content-sha256"]);

        await department.Locator("#evidence").SetInputFilesAsync(new FilePayload { Name = "病毒.exe", MimeType = "application/x-msdownload", Buffer = "MZ"u8.ToArray() });
        await Expect(department.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        var other = await console.SignInAsync(console.People.HousingBureau);
        var refused = await other.Context.APIRequest.GetAsync(console.Address + href);
        Assert.Equal(404, refused.Status);
    }
}
