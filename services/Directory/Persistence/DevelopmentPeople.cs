using Coordination.Directory.Workflow;
using Coordination.ServiceDefaults.Auth;

namespace Coordination.Directory.Persistence;

/// <summary>One person per role, seeded in Development only, all with <see cref="Password"/> (documented in the README).</summary>
public static class DevelopmentPeople
{
    public const string Password = "Dev-Passw0rd-2026";

    public static readonly PersonDraft[] People =
    [
        new("admin", "系统管理员", "jiangsu-petition-bureau", Roles.Administrator, "", Password),
        new("clerk.nanjing", "王晓燕", "nanjing-petition-bureau", Roles.Clerk, "", Password),
        new("bureau.nanjing", "陈建国", "nanjing-petition-bureau", Roles.Bureau, "", Password),
        new("bureau.jiangsu", "周海涛", "jiangsu-petition-bureau", Roles.Bureau, "", Password),
        new("dept.xuanwu-housing", "刘芳", "xuanwu-housing-office", Roles.Department, "", Password),
        new("leader.xuanwu-housing", "赵志强", "xuanwu-housing-office", Roles.Leader, "主任", Password),
        new("leader.nanjing", "孙立新", "nanjing-gov", Roles.Leader, "副市长", Password),
        new("committee.nanjing", "李明", "nanjing-political-legal-committee", Roles.Committee, "", Password),
        new("court.xuanwu", "张静", "xuanwu-court", Roles.Institution, "", Password),
    ];
}
