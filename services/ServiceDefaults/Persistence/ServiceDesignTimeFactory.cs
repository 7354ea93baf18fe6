using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>Lets `dotnet ef migrations add` build a service's model without starting the service.</summary>
public abstract class ServiceDesignTimeFactory<TDb>(string database, Func<DbContextOptions<TDb>, TDb> create) : IDesignTimeDbContextFactory<TDb>
    where TDb : ServiceDbContext
{
    public TDb CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TDb>().UseNpgsql($"Host=127.0.0.1;Database={database}").Options);
}
