using Coordination.LegalDiversion.Domain;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

public sealed class ReferralTests
{
    private static readonly Institution Court = new() { Code = "court", Name = "c", Channel = "court_litigation", RegionCode = "320102" };

    private static Referral Open() => Referral.OpenFor(Guid.NewGuid(), Guid.NewGuid(), "n", "320102", "t", DateTimeOffset.UtcNow);

    [Fact]
    public void A_declined_referral_can_be_referred_again_and_counts_the_attempts()
    {
        var r = Open();
        r.ReferTo(Court);
        Assert.Equal("DeclineNeedsReasons", Assert.Throws<DomainRuleException>(() => r.Acknowledge(Referral.Declined, " ")).Rule);
        r.Acknowledge(Referral.Declined, "不属受案范围");
        r.ReferTo(Court);
        Assert.Equal((Referral.Referred, 2, null), (r.Status, r.ReferralCount, r.DeclineReasons));
    }

    [Fact]
    public void Only_a_case_in_legal_procedure_concludes_in_law_and_only_one_outside_it_returns()
    {
        var r = Open();
        Assert.Throws<DomainRuleException>(() => r.Conclude(Referral.ConcludedInLaw, DateTimeOffset.UtcNow));
        r.ReferTo(Court);
        r.Acknowledge(Referral.Filed, null);
        r.PostUpdate("decided", "判决");
        Assert.Equal(Referral.OutcomeReported, r.Status);
        Assert.Equal("AlreadyInLegalProcedure", Assert.Throws<DomainRuleException>(() => r.Conclude(Referral.ReturnedToPetitionTrack, DateTimeOffset.UtcNow)).Rule);
        r.Conclude(Referral.ConcludedInLaw, DateTimeOffset.UtcNow);
        Assert.Throws<DomainRuleException>(() => r.MarkMajor());
    }

    [Fact]
    public void A_diverted_case_opens_a_referral_that_is_not_yet_referred()
    {
        var r = Open();
        Assert.Equal((Referral.Open, 0, null), (r.Status, r.ReferralCount, r.InstitutionCode));
    }
}
