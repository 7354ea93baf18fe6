using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.Intake.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IntakeDb>
{
    public IntakeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntakeDb>().UseNpgsql("Host=127.0.0.1;Database=coordination_intake").Options);
}
