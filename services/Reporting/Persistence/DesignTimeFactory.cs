using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.Reporting.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ReportingDb>
{
    public ReportingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReportingDb>().UseNpgsql("Host=127.0.0.1;Database=coordination_reporting").Options);
}
