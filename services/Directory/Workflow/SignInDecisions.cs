using Coordination.Directory.Domain;
using Coordination.Directory.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coordination.Directory.Workflow;

/// <summary>
/// Who may get tokens: a password attempt (counted toward lock-out, committed whatever the outcome) and, for every
/// later exchange (code, device code, refresh), a fresh look at the person, so a deactivated or locked account stops at once.
/// </summary>
public sealed class SignInDecisions(DirectoryDb db, IPasswordHasher<Person> hasher, IOptions<LockoutPolicy> lockout, TimeProvider clock)
{
    // Verified against when the login is unknown, so that an unknown name costs as much time as a wrong password.
    private static readonly Person Decoy = new() { Login = "decoy", Name = "decoy", UnitCode = "decoy", Role = "decoy" };
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Person>().HashPassword(Decoy, "decoy-password-never-used"));

    public async Task<SignInResult> WithPasswordAsync(string login, string password, CancellationToken ct)
    {
        var name = LoginName.Canonical(login);
        if (!LoginName.IsValid(name) || password.Length > PasswordPolicy.MaxLength) return Refused();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock makes concurrent wrong guesses count one by one.
        var person = await db.People.FromSql($"SELECT * FROM people WHERE \"Login\" = {name} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (person is null) return Refused();
        var verified = hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        var outcome = person.AttemptSignIn(verified != PasswordVerificationResult.Failed, clock.GetUtcNow(), lockout.Value);
        if (outcome == SignInOutcome.SignedIn && verified == PasswordVerificationResult.SuccessRehashNeeded)
            person.PasswordHash = hasher.HashPassword(person, password);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (outcome != SignInOutcome.SignedIn) return new SignInResult(outcome);
        return await WithUnitAsync(person, ct);
    }

    /// <summary>The person behind a subject as they are now; refused when deactivated, locked, gone or their unit inactive.</summary>
    public async Task<SignInResult> CurrentAsync(string? subject, CancellationToken ct)
    {
        var person = subject is null ? null : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Login == subject, ct);
        if (person is null) return new SignInResult(SignInOutcome.Deactivated);
        if (!person.Active) return new SignInResult(SignInOutcome.Deactivated);
        if (!person.MayHoldTokens(clock.GetUtcNow())) return new SignInResult(SignInOutcome.Locked);
        return await WithUnitAsync(person, ct);
    }

    private async Task<SignInResult> WithUnitAsync(Person person, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == person.UnitCode, ct);
        return unit is { Active: true } ? new SignInResult(SignInOutcome.SignedIn, person, unit) : new SignInResult(SignInOutcome.Deactivated);
    }

    private SignInResult Refused()
    {
        hasher.VerifyHashedPassword(Decoy, DecoyHash.Value, "x");
        return new SignInResult(SignInOutcome.WrongPassword);
    }
}
