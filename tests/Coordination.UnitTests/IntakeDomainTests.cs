using Coordination.Intake.Api;
using Coordination.Intake.Domain;
using Coordination.ServiceDefaults.Grpc;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

public sealed class MatterTextTests
{
    [Fact]
    public void Normalising_folds_width_case_and_drops_punctuation() =>
        Assert.Equal("拆迁补偿abc12", MatterText.Normalize("拆迁，补偿！ＡＢＣ １２"));

    [Fact]
    public void Identical_texts_are_fully_similar_and_unrelated_ones_hardly() 
    {
        var a = MatterText.Normalize("拆迁补偿款未按协议支付");
        Assert.Equal(1.0, MatterText.Similarity(a, a));
        Assert.True(MatterText.Similarity(a, MatterText.Normalize("小区物业违规收取停车费")) < 0.1);
    }

    [Fact]
    public void A_retold_matter_stays_above_the_default_threshold() =>
        Assert.True(MatterText.Similarity(MatterText.Normalize("拆迁补偿款未按协议支付，要求按协议足额补偿"),
            MatterText.Normalize("拆迁补偿款至今未按协议支付，要求按协议足额补偿")) >= new IntakeOptions().SameMatterSimilarity);

    [Fact]
    public void A_matter_print_measures_what_the_text_measures_without_the_text()
    {
        var prints = new MatterPrints("pepper-of-the-unit-tests");
        string a = MatterText.Normalize("拆迁补偿款未按协议支付，要求按协议足额补偿"), b = MatterText.Normalize("拆迁补偿款至今未按协议支付，要求按协议足额补偿");
        Assert.Equal(MatterText.Similarity(a, b), prints.Of(a).Similarity(prints.Of(b)), 3);
        Assert.Equal(1.0, prints.Of("").Similarity(prints.Of("")));
        Assert.NotEqual(prints.Of(a).Bigrams, new MatterPrints("another-pepper-entirely").Of(a).Bigrams);
    }
}

public sealed class PetitionTests
{
    private static Petition New(string category = "grievance", string? accused = null) => new()
    {
        CaseNumber = "320102-2026-000001", Channel = "visit", RegionCode = "320102", Category = category, Topic = "housing", Summary = "s",
        MatterText = "s", ReceivingUnit = "u", Clerk = "c", Outcome = Outcomes.Registered, Status = PetitionStatuses.Registered, QueryCode = "ABCDEFGHJK",
        AccusedUnit = accused,
    };

    [Fact]
    public void Status_only_moves_forward_whatever_order_events_arrive_in()
    {
        var p = New();
        p.RecordAcknowledgement("unit-a");
        p.RecordAssignment("unit-a");
        Assert.Equal(PetitionStatuses.Acknowledged, p.Status);
        Assert.Equal(["unit-a"], p.AssignedUnits);
    }

    [Fact]
    public void Accusation_content_is_withheld_from_the_accused_unit_only()
    {
        var p = New("accusation", accused: "land-bureau");
        Assert.True(p.IsWithheldFrom("land-bureau"));
        Assert.False(p.IsWithheldFrom("petition-bureau"));
        var view = PetitionViews.ToView(p, withholdContent: true);
        Assert.Equal(PetitionViews.Withheld, view.Summary);
        Assert.Equal("", view.AccusedUnit);
        Assert.True(view.ContentWithheld);
    }
}

public sealed class ReceptionDayTests
{
    private static ReceptionDay On(DateOnly date) => new()
    {
        Id = Guid.NewGuid(), LeaderName = "l", LeaderTitle = "t", Level = "city", RegionCode = "320100", Date = date, Place = "p", ScheduledBy = "u",
    };

    [Fact]
    public void A_session_cannot_be_held_before_its_day_nor_twice()
    {
        var day = On(new DateOnly(2026, 12, 1));
        Assert.Equal("ReceptionDayNotYetDue", Assert.Throws<DomainRuleException>(() => day.Complete(new DateOnly(2026, 11, 30))).Rule);
        day.Complete(new DateOnly(2026, 12, 1));
        Assert.Equal(ReceptionDay.Held, day.Status);
        Assert.Equal("ReceptionDayAlreadyHeld", Assert.Throws<DomainRuleException>(() => day.Complete(new DateOnly(2026, 12, 2))).Rule);
        Assert.Throws<DomainRuleException>(day.EnsureOpenForReception);
    }
}

public sealed class RegionLevelAndQueryCodeTests
{
    [Theory]
    [InlineData("320000", 1)]
    [InlineData("320100", 2)]
    [InlineData("320102", 3)]
    public void Levels_follow_the_division_code(string region, int level) => Assert.Equal(level, RegionLevels.Of(region));

    [Fact]
    public void Query_codes_are_ten_unambiguous_characters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => QueryCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{10}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
