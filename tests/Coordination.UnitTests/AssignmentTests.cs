using Coordination.ServiceDefaults.Grpc;
using AssignmentEntity = Coordination.Assignment.Domain.Assignment;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.UnitTests;

public sealed class AssignmentTests
{
    private static AssignmentEntity Pending() => new() { Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), UnitCode = "u", Kind = "assignment", RoutedBy = "r" };

    [Fact]
    public void Acknowledging_a_pending_assignment_records_who_and_when()
    {
        var assignment = Pending();
        var at = DateTimeOffset.UtcNow;
        assignment.Acknowledge("clerk-7", at);
        Assert.Equal(AssignmentEntity.Acknowledged, assignment.Status);
        Assert.Equal("clerk-7", assignment.AcknowledgedBy);
        Assert.Equal(at, assignment.AcknowledgedAt);
    }

    [Fact]
    public void Acknowledging_twice_breaks_a_rule_and_changes_nothing()
    {
        var assignment = Pending();
        var at = DateTimeOffset.UtcNow;
        assignment.Acknowledge("clerk-7", at);
        var ex = Assert.Throws<DomainRuleException>(() => assignment.Acknowledge("clerk-8", at.AddHours(1)));
        Assert.Equal("AssignmentAlreadyAcknowledged", ex.Rule);
        Assert.Equal("clerk-7", assignment.AcknowledgedBy);
        Assert.Equal(at, assignment.AcknowledgedAt);
    }
}
