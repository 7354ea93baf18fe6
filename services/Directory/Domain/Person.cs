using Coordination.Contracts.Directory;
using Coordination.ServiceDefaults.Auth;
using Coordination.ServiceDefaults.Rules;

namespace Coordination.Directory.Domain;

/// <summary>A person with an account. Sign-in attempts are judged here; the hash itself is checked by the caller.</summary>
public sealed class Person
{
    public const int NameMaxLength = 64;

    public required string Login { get; init; }
    public required string Name { get; init; }
    public required string UnitCode { get; init; }
    public required string Role { get; init; }
    public string LeaderTitle { get; init; } = "";
    public bool Active { get; private set; } = true;
    public string PasswordHash { get; set; } = "";
    public int FailedAttempts { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <summary>
    /// Judges one attempt. A wrong password counts; the last allowed failure locks the account for the lock-out
    /// period, and while locked even the right password is refused. Deactivated people never sign in.
    /// </summary>
    public SignInOutcome AttemptSignIn(bool passwordMatches, DateTimeOffset now, LockoutPolicy lockout)
    {
        if (!Active) return SignInOutcome.Deactivated;
        if (IsLocked(now)) return SignInOutcome.Locked;
        if (passwordMatches)
        {
            FailedAttempts = 0;
            LockedUntil = null;
            return SignInOutcome.SignedIn;
        }
        FailedAttempts++;
        if (FailedAttempts < lockout.MaxFailures) return SignInOutcome.WrongPassword;
        FailedAttempts = 0;
        LockedUntil = now + lockout.Duration;
        return SignInOutcome.Locked;
    }

    /// <summary>Whether tokens may still be issued to this person (refresh, code and device exchanges).</summary>
    public bool MayHoldTokens(DateTimeOffset now) => Active && !IsLocked(now);

    public void Deactivate(DateTimeOffset now)
    {
        if (!Active) throw new DomainRuleException("PersonAlreadyDeactivated", $"{Login} is already deactivated");
        Active = false;
        DeactivatedAt = now;
    }

    /// <summary>Leaders carry their title (市长, 局长 …); nobody else has one.</summary>
    public static bool TitleFits(string role, string leaderTitle) => role == Roles.Leader ? leaderTitle.Trim().Length > 0 : leaderTitle.Length == 0;

    public PersonRegistered Registered(DateTimeOffset now) => new()
    {
        Subject = Login, Name = Name, UnitCode = UnitCode, Roles = [Role], LeaderTitle = LeaderTitle.Length == 0 ? null : LeaderTitle, OccurredAt = now,
    };
}
