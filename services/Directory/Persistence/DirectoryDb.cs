using Coordination.Directory.Domain;
using Coordination.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Directory.Persistence;

/// <summary>Units, people and, through OpenIddict's EF Core stores, the sign-in server's clients, authorizations and tokens.</summary>
public sealed class DirectoryDb(DbContextOptions<DirectoryDb> options) : ServiceDbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Recusal> Recusals => Set<Recusal>();

    protected override void OnServiceModelCreating(ModelBuilder b)
    {
        b.Entity<Unit>(e =>
        {
            e.ToTable("units");
            e.HasKey(u => u.Code);
            e.Property(u => u.Code).HasMaxLength(UnitCode.MaxLength);
            e.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength);
            e.HasIndex(u => u.Name).IsUnique(); // GetUnit finds a unit by its exact Chinese name
            e.Property(u => u.Kind).HasMaxLength(40);
            e.Property(u => u.RegionCode).HasMaxLength(Coordination.Contracts.FieldLimits.RegionCode);
            e.HasIndex(u => u.RegionCode);
            e.Property(u => u.ParentCode).HasMaxLength(UnitCode.MaxLength);
            e.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(u => u.Version).IsConcurrencyToken();
        });
        b.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Login);
            e.Property(p => p.Login).HasMaxLength(64);
            e.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
            e.Property(p => p.UnitCode).HasMaxLength(UnitCode.MaxLength);
            e.HasIndex(p => p.UnitCode);
            e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Role).HasMaxLength(20);
            e.Property(p => p.LeaderTitle).HasMaxLength(PersonRoles.LeaderTitleMaxLength);
            e.Property(p => p.PasswordHash).HasMaxLength(200);
        });
        b.Entity<Recusal>(e =>
        {
            e.ToTable("recusals", t => t.HasCheckConstraint("ck_recusals_source", "\"Source\" IN ('declared', 'recorded')"));
            e.HasKey(r => new { r.Login, r.CaseId });
            e.HasIndex(r => r.CaseId);
            e.Property(r => r.Login).HasMaxLength(64);
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.Login).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Reason).HasMaxLength(Coordination.Contracts.FieldLimits.RecusalReason);
            e.Property(r => r.Source).HasMaxLength(16);
            e.Property(r => r.RecordedBy).HasMaxLength(64);
        });
        b.UseOpenIddict();
    }
}
