using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.LegalDiversion.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LegalDiversionDb>
{
    public LegalDiversionDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LegalDiversionDb>().UseNpgsql("Host=127.0.0.1;Database=coordination_legal_diversion").Options);
}
