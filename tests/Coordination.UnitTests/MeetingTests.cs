using Coordination.JointMeeting.Domain;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

public sealed class MeetingTests
{
    private static Meeting Convened()
    {
        var m = new Meeting { Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), CaseNumber = "n", RegionCode = "320100", Reason = "r" };
        m.Convene("bureau", "agenda", DateTimeOffset.UtcNow.AddDays(3), "room", ["a", "b", "a"]);
        return m;
    }

    [Fact]
    public void Parties_are_invited_once_and_answer_once()
    {
        var m = Convened();
        Assert.Equal(["a", "b"], m.Parties.Select(p => p.Code));
        Assert.Equal("DeclineNeedsReason", Assert.Throws<DomainRuleException>(() => m.PartyFor("a")!.Answer("decline", "", null)).Rule);
        m.PartyFor("a")!.Answer("delegate", "出差", "李某");
        Assert.Equal(("delegated", "李某"), (m.PartyFor("a")!.Response, m.PartyFor("a")!.Delegate));
        Assert.Throws<DomainRuleException>(() => m.PartyFor("a")!.Answer("confirm", null, null));
    }

    [Fact]
    public void Action_items_go_to_parties_only_and_the_meeting_closes_when_all_are_accepted()
    {
        var m = Convened();
        Assert.Equal("ActionItemsAfterTheMeeting", Assert.Throws<DomainRuleException>(() => m.Issue("a", "t", DateTimeOffset.UtcNow)).Rule);
        m.Hold(["a", "b"], "minutes", "resolution", "lead");
        Assert.Equal("OwnerNotAParty", Assert.Throws<DomainRuleException>(() => m.Issue("c", "t", DateTimeOffset.UtcNow)).Rule);
        var item = m.Issue("a", "t", DateTimeOffset.UtcNow.AddDays(5));
        Assert.Throws<DomainRuleException>(m.Close);
        item.Answer("done", "photo");
        item.SendBack("no proof");
        item.Answer("done again", "record");
        item.Accept();
        m.Close();
        Assert.Equal(Meeting.Closed, m.Status);
    }

    [Fact]
    public void A_proposed_meeting_waits_for_a_bureau_and_keeps_its_cases_and_regions()
    {
        var caseId = Guid.NewGuid();
        var m = Meeting.Propose(Guid.NewGuid(), caseId, "n", "320102", ["320102", "320500"], [caseId], "cross-region", DateTimeOffset.UtcNow);
        Assert.Equal(Meeting.Proposed, m.Status);
        Assert.Equal(["320102", "320500"], m.RegionCodes);
        Assert.Equal([caseId], m.CaseIds);
        Assert.Null(m.ConvenerUnit);
    }
}
