using Coordination.Intake.Domain;

namespace Coordination.UnitTests;

public sealed class RepeatFinderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly MatterPrints Prints = new("pepper-of-the-unit-tests");
    private static readonly MatterPrint Matter = Prints.Of(MatterText.Normalize("拆迁补偿款未按协议支付，要求按协议足额补偿"));

    private static CaseFingerprint Earlier(string number, int daysAgo, string topic = "housing", string? text = null, int level = 3) =>
        new(Guid.NewGuid(), number, topic, text is null ? Matter : Prints.Of(text), level, "unit-a", Now.AddDays(-daysAgo));

    private static RepeatMatch? Find(params CaseFingerprint[] cases) =>
        RepeatFinder.Find([new IdentityCases("hash-of-identity-123456", cases)], "housing", Matter, Now, new IntakeOptions());

    [Fact]
    public void The_same_people_on_the_same_matter_within_the_window_repeat_the_latest_case()
    {
        var match = Find(Earlier("320102-2026-000001", 100), Earlier("320102-2026-000002", 10));
        Assert.Equal("320102-2026-000002", match!.Earlier.CaseNumber);
        Assert.Equal(1.0, match.Similarity);
        Assert.Contains("identity ...123456", match.Explanation);
    }

    [Fact]
    public void Another_topic_another_matter_or_an_old_case_is_no_repeat()
    {
        Assert.Null(Find(Earlier("a", 10, topic: "land")));
        Assert.Null(Find(Earlier("b", 10, text: MatterText.Normalize("小区物业违规收取停车费"))));
        Assert.Null(Find(Earlier("c", new IntakeOptions().RepeatWindowDays + 1)));
        Assert.Null(RepeatFinder.Find([], "housing", Matter, Now, new IntakeOptions()));
    }
}

public sealed class RegistrationDecisionTests
{
    private static RepeatMatch Match(int earlierLevel) =>
        new(new CaseFingerprint(Guid.NewGuid(), "320102-2026-000001", "housing", new MatterPrint([]), earlierLevel, "county-bureau", DateTimeOffset.UnixEpoch), 0.9, "why");

    [Fact]
    public void No_match_is_a_new_case_that_counts_and_takes_a_number()
    {
        var d = RegistrationDecision.Of(null, earlierIsFinal: false, receivingLevel: 3);
        Assert.Equal(RegistrationKind.NewCase, d.Kind);
        Assert.True(d.OpensCase);
        Assert.True(d.NeedsCaseNumber);
        Assert.Equal((Outcomes.Registered, PetitionStatuses.Registered), (d.Outcome, d.Status));
        var own = Guid.NewGuid();
        Assert.Equal(own, d.CaseIdOf(own));
    }

    [Fact]
    public void A_match_at_the_same_level_is_a_repeat_of_the_earlier_case()
    {
        var match = Match(earlierLevel: 3);
        var d = RegistrationDecision.Of(match, earlierIsFinal: false, receivingLevel: 3);
        Assert.Equal(RegistrationKind.Repeat, d.Kind);
        Assert.False(d.NeedsCaseNumber);
        Assert.False(d.OpensCase);
        Assert.Equal(match.Earlier.CaseId, d.CaseIdOf(Guid.NewGuid()));
        Assert.Null(d.NotAcceptedReason);
    }

    [Fact]
    public void A_match_pending_below_raised_higher_is_not_accepted_as_skip_level()
    {
        var d = RegistrationDecision.Of(Match(earlierLevel: 3), earlierIsFinal: false, receivingLevel: 2);
        Assert.Equal(RegistrationKind.SkipLevel, d.Kind);
        Assert.True(d.NeedsCaseNumber);
        Assert.Equal((Outcomes.NotAccepted, NotAcceptance.SkipLevelPendingBelow), (d.Outcome, d.NotAcceptedReason));
        Assert.Contains("county-bureau", d.Notice);
    }

    [Fact]
    public void A_final_earlier_case_refuses_the_same_facts_at_any_level()
    {
        var d = RegistrationDecision.Of(Match(earlierLevel: 3), earlierIsFinal: true, receivingLevel: 2);
        Assert.Equal(RegistrationKind.Final, d.Kind);
        Assert.Equal((PetitionStatuses.NotAccepted, NotAcceptance.FinalAfterReReview), (d.Status, d.NotAcceptedReason));
    }

    [Fact]
    public void A_registration_keeps_the_decision_and_never_the_identity_number()
    {
        var match = Match(earlierLevel: 3);
        var input = new NewPetition(null, "visit", "320100", "grievance", "housing", "拆迁补偿", false, [],
            [new NewPetitioner("张三", "11010519491231002X", null)], DateTimeOffset.UnixEpoch);
        var petitioners = input.Petitioners.Select(p => PetitionerRecord.From(p, new IdentityNumbers("pepper-of-a-unit-test"))).ToList();
        var p = Petition.Register(Guid.NewGuid(), input, petitioners, "320100-2026-000007", Receiver.Of("city-bureau", "clerk-1", "320100"),
            RegistrationDecision.Of(match, earlierIsFinal: false, receivingLevel: 2), DateTimeOffset.UnixEpoch);
        Assert.True(p.SkipLevel);
        Assert.Equal(2, p.ReceivingLevel);
        Assert.Equal(match.Earlier.CaseId, p.EarlierCaseId);
        Assert.Equal(MatterText.Normalize("拆迁补偿"), p.MatterText);
        Assert.Equal("110105********002X", p.Petitioners[0].IdNumberMasked);
        Assert.DoesNotContain("11010519491231002X", p.Petitioners[0].IdNumberHash);
    }
}
