namespace Coordination.Directory.Domain;

public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    Locked,
    Deactivated,
}
