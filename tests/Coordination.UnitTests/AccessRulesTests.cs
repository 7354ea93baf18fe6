using Coordination.Assignment.Domain;
using Coordination.LegalDiversion.Domain;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Rules;
using Grpc.Core;

namespace Coordination.UnitTests;

/// <summary>The domain's share of authorization: who holds a case, which meeting moves it on, whom an accusation never reaches.</summary>
public sealed class AccessRulesTests
{
    private static HandlingCase Case(string status) => new()
    {
        Id = Guid.NewGuid(), CaseNumber = "n", RegionCode = "320102", Topic = "housing", Status = status, RuleSetVersion = "t",
    };

    private static Coordination.Assignment.Domain.Assignment HandOver(HandlingCase c, string unit, bool returned)
    {
        var a = new Coordination.Assignment.Domain.Assignment
        {
            Id = Guid.NewGuid(), CaseId = c.Id, UnitCode = unit, Kind = AssignmentKinds.Assignment, RoutedBy = "r", AssignedAt = DateTimeOffset.UtcNow,
            ObjectionDueAt = DateTimeOffset.UtcNow.AddDays(5),
        };
        if (returned)
        {
            a.RequestReturn("不属于本单位", DateTimeOffset.UtcNow, 0, 2);
            a.ApproveReturn();
        }
        return a;
    }

    [Fact]
    public void A_unit_holds_a_case_only_while_its_hand_over_is_not_returned()
    {
        var c = Case(CaseStatus.Assigned);
        c.Assignments.Add(HandOver(c, "nanjing-labour-bureau", returned: true));
        c.Assignments.Add(HandOver(c, "nanjing-hr-bureau", returned: false));
        Assert.False(c.IsHeldBy("nanjing-labour-bureau"));
        Assert.True(c.IsHeldBy("nanjing-hr-bureau"));
        Assert.Equal(["nanjing-hr-bureau"], c.HeldBy("nanjing-hr-bureau").Select(a => a.UnitCode));
        Assert.Empty(c.HeldBy("nanjing-labour-bureau"));
    }

    [Fact]
    public void Only_a_meeting_proposed_while_the_case_awaited_one_moves_it_on()
    {
        var awaiting = Case(CaseStatus.AwaitingJointMeeting);
        Guid proposed = Guid.NewGuid(), foreign = Guid.NewGuid();
        awaiting.RecordMeeting(proposed);
        Assert.True(awaiting.AwaitsMeeting(proposed));
        Assert.False(awaiting.AwaitsMeeting(foreign));

        var handled = Case(CaseStatus.Assigned);
        handled.RecordMeeting(proposed); // a case not sent to a meeting takes none
        Assert.False(handled.AwaitsMeeting(proposed));
        Assert.Empty(handled.MeetingIds);
    }

    [Fact]
    public void An_accusation_is_never_referred_to_the_accused_institution()
    {
        var referral = Referral.OpenFor(Guid.NewGuid(), Guid.NewGuid(), "n", "320102", "housing", DateTimeOffset.UtcNow, accusedUnit: "xuanwu-court");
        Assert.Equal("AccusedUnitExcluded", Assert.Throws<DomainRuleException>(() => referral.RequireNotAccused("xuanwu-court")).Rule);
        referral.RequireNotAccused("qinhuai-court");
    }

    [Theory]
    [InlineData("bureau", "320100", "nanjing-petition-bureau", true)]
    [InlineData("administrator", "320000", "jiangsu-petition-bureau", true)]
    [InlineData("admin", "320100", "nanjing-petition-bureau", false)]   // not a role the Directory grants
    [InlineData("service", "320100", "nanjing-petition-bureau", false)]
    [InlineData("bureau", "32", "jiangsu-petition-bureau", false)]      // not a division code
    [InlineData("bureau", "", "jiangsu-petition-bureau", false)]
    [InlineData("bureau", "320100", "", false)]
    public void A_token_of_this_system_has_a_granted_role_a_region_code_and_a_unit(string role, string region, string unit, bool accepted) =>
        Assert.Equal(accepted, CallerPolicy.IsOfThisSystem(role, region, unit));

    [Fact]
    public void A_caller_without_a_region_code_has_no_jurisdiction_prefix()
    {
        Assert.Equal("3201", new Caller("s", Roles.Bureau, "nanjing-petition-bureau", "320100").JurisdictionPrefix);
        var ex = Assert.Throws<RpcException>(() => new Caller("s", Roles.Bureau, "x", "32").JurisdictionPrefix);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => new Caller("s", Roles.Administrator, "x", "320000").RequireCaseRole()).StatusCode);
    }
}
