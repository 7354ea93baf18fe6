using Microsoft.EntityFrameworkCore;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Every model change comes with its migration, so start-up migrations create exactly what the code uses.</summary>
public sealed class When_the_schema_is_checked
{
    public static TheoryData<string> Services => ["Intake", "Assignment", "LegalDiversion", "JointMeeting", "Reporting", "Directory"];

    [Theory]
    [MemberData(nameof(Services))]
    public void No_service_has_model_changes_without_a_migration(string service)
    {
        DbContext db = service switch
        {
            "Intake" => new Coordination.Intake.Persistence.DesignTimeFactory().CreateDbContext([]),
            "Assignment" => new Coordination.Assignment.Persistence.DesignTimeFactory().CreateDbContext([]),
            "LegalDiversion" => new Coordination.LegalDiversion.Persistence.DesignTimeFactory().CreateDbContext([]),
            "JointMeeting" => new Coordination.JointMeeting.Persistence.DesignTimeFactory().CreateDbContext([]),
            "Directory" => new Coordination.Directory.Persistence.DesignTimeFactory().CreateDbContext([]),
            _ => new Coordination.Reporting.Persistence.DesignTimeFactory().CreateDbContext([]),
        };
        using (db) Assert.False(db.Database.HasPendingModelChanges(), $"{service} has model changes without a migration");
    }
}
