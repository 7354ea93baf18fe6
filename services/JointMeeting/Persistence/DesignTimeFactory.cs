using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.JointMeeting.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<JointMeetingDb>
{
    public JointMeetingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<JointMeetingDb>().UseNpgsql("Host=127.0.0.1;Database=coordination_joint_meeting").Options);
}
