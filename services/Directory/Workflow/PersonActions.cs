using Coordination.Contracts.Directory;
using Coordination.Directory.Domain;
using Coordination.Directory.Persistence;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Grpc;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Directory.Workflow;

/// <summary>Accounts: registered and deactivated by an administrator, passwords changed by their owner. Each with its event.</summary>
public sealed class PersonActions(DirectoryDb db, IPasswordHasher<Person> hasher, IOptions<LockoutPolicy> lockout, TimeProvider clock)
{
    public async Task<Person> RegisterAsync(PersonDraft draft, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Check(LoginName.IsValid(draft.Login), "login", "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
            .Check(Text.IsRequiredClean(draft.Name, Person.NameMaxLength), "name", "is required, at most 64 characters, no control characters")
            .Check(PersonRoles.All.Contains(draft.Role), "role", "must be one of " + string.Join(", ", PersonRoles.All.Order()))
            .Check(Text.IsClean(draft.LeaderTitle, PersonRoles.LeaderTitleMaxLength) && Person.TitleFits(draft.Role, draft.LeaderTitle.Trim()), "leader_title",
                draft.Role == Roles.Leader ? "is required for a leader (at most 32 characters)" : "is only for leaders");
        if (PasswordPolicy.Problem(draft.Password) is { } problem) errors.Add("password", problem);
        var unit = UnitCode.IsValid(draft.UnitCode) ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == draft.UnitCode, ct) : null;
        errors.Check(unit is { Active: true }, "unit_code", unit is null ? "must be a directory unit" : "the unit is inactive");
        errors.ThrowIfAny();
        if (await db.People.AnyAsync(p => p.Login == draft.Login, ct)) throw Duplicates.AlreadyExists($"person {draft.Login}");
        var now = clock.GetUtcNow();
        var person = new Person
        {
            Login = draft.Login, Name = draft.Name.Trim(), UnitCode = draft.UnitCode, Role = draft.Role, LeaderTitle = draft.LeaderTitle.Trim(), RegisteredAt = now,
        };
        person.PasswordHash = hasher.HashPassword(person, draft.Password);
        db.People.Add(person);
        db.Publish(person.Registered(now));
        await Duplicates.SaveAsync(db, $"person {draft.Login}", ct);
        return person;
    }

    public async Task<Person> DeactivateAsync(string login, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await LockedAsync(login, ct) ?? throw new NotFoundException($"person {login}");
        var now = clock.GetUtcNow();
        person.Deactivate(now);
        db.Publish(new PersonDeactivated { Subject = person.Login, UnitCode = person.UnitCode, OccurredAt = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return person;
    }

    /// <summary>A wrong current password counts toward lock-out like any other failed sign-in, and that count is kept.</summary>
    public async Task ChangePasswordAsync(string login, string currentPassword, string newPassword, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(currentPassword.Length is > 0 and <= PasswordPolicy.MaxLength, "current_password", "is required");
        if (PasswordPolicy.Problem(newPassword) is { } problem) errors.Add("new_password", problem);
        errors.Check(newPassword != currentPassword, "new_password", "must differ from the current password");
        errors.ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await LockedAsync(login, ct) ?? throw new NotFoundException($"person {login}");
        var matches = hasher.VerifyHashedPassword(person, person.PasswordHash, currentPassword) != PasswordVerificationResult.Failed;
        var outcome = person.AttemptSignIn(matches, clock.GetUtcNow(), lockout.Value);
        if (outcome == SignInOutcome.SignedIn) person.PasswordHash = hasher.HashPassword(person, newPassword);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        switch (outcome)
        {
            case SignInOutcome.WrongPassword: new FieldErrors().Add("current_password", "is wrong").ThrowIfAny(); break;
            case SignInOutcome.Locked: throw new DomainRuleException("AccountLocked", "too many wrong passwords; try again later");
            case SignInOutcome.Deactivated: throw new DomainRuleException("PersonDeactivated", $"{login} is deactivated");
        }
    }

    private Task<Person?> LockedAsync(string login, CancellationToken ct) =>
        db.People.FromSql($"SELECT * FROM people WHERE \"Login\" = {login} FOR UPDATE").SingleOrDefaultAsync(ct);
}
