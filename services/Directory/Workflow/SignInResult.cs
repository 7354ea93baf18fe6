using System.Security.Claims;
using Coordination.Directory.Domain;

namespace Coordination.Directory.Workflow;

/// <summary>The decision on a sign-in: the outcome, and for a success the person and the claims for their tokens.</summary>
public sealed record SignInResult(SignInOutcome Outcome, Person? Person = null, Unit? Unit = null)
{
    public bool Succeeded => Outcome == SignInOutcome.SignedIn && Person is not null && Unit is not null;

    public ClaimsPrincipal Principal(IEnumerable<string> scopes) =>
        Succeeded ? TokenPrincipals.ForPerson(Person!, Unit!, scopes) : throw new InvalidOperationException("no principal for a refused sign-in");
}
