namespace Coordination.IntegrationTests.Fixtures;

/// <summary>
/// An accountability file written as Assignment's rules write one (AccountabilityRules), for tests that need a file without
/// moving a clock (the access matrix, the paging walk); the rules themselves are driven in When_supervision_does_not_help.
/// </summary>
public static class AccountabilityFiles
{
    public static async Task<string> OpenedAsync(ServiceInstance assignment, string caseId, string regionCode, string unit)
    {
        var id = Guid.NewGuid();
        var caseNumber = await assignment.ValueAsync<string>("SELECT \"CaseNumber\" FROM cases WHERE \"Id\" = $1", Guid.Parse(caseId)) ?? "";
        await assignment.CountAsync(
            "INSERT INTO accountability_files (\"Id\", \"CaseId\", \"CaseNumber\", \"Rule\", \"RegionCode\", \"Unit\", \"Person\", \"SubjectId\", \"OpenedAt\", \"Evidence\") " +
            "VALUES ($1, $2, $3, 'overdue_after_supervision', $4, $5, '', $6, now(), $7)",
            id, Guid.Parse(caseId), caseNumber, regionCode, unit, Guid.NewGuid(), new[] { "督办：测试", "截至现在仍未办结" });
        return id.ToString();
    }
}
