using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.Assignment.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AssignmentDb>
{
    public AssignmentDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AssignmentDb>().UseNpgsql("Host=127.0.0.1;Database=coordination_assignment").Options);
}
