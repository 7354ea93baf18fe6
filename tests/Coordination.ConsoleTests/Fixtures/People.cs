using Coordination.IntegrationTests.Fixtures;

namespace Coordination.ConsoleTests.Fixtures;

/// <summary>The people who work in the console during a run, registered in the run's Directory by its administrator.</summary>
public sealed record People(string Clerk, string Bureau, string XuanwuHousing, string XuanwuHousingLeader, string HousingBureau,
    string Committee, string Court, string Leader)
{
    public static async Task<People> RegisterAsync(SystemFixture system)
    {
        using var directory = new DirectorySignIn(system);
        Task<string> New(string role, string unit, string title = "") => directory.NewPersonAsync(role, unit, ConsoleFixture.Password, title);
        return new People(
            Clerk: await New("clerk", "nanjing-petition-bureau"),
            Bureau: await New("bureau", "jiangsu-petition-bureau"),
            XuanwuHousing: await New("department", "xuanwu-housing-office"),
            XuanwuHousingLeader: await New("leader", "xuanwu-housing-office", "主任"),
            HousingBureau: await New("department", "nanjing-housing-bureau"),
            Committee: await New("committee", "nanjing-political-legal-committee"),
            Court: await New("institution", "xuanwu-court"),
            Leader: await New("leader", "nanjing-gov", "副市长"));
    }
}
