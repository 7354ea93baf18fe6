namespace Coordination.Directory.Domain;

/// <summary>The password rule: at least 10 characters, at most 128, no control characters.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>What is wrong with a proposed password, or null when it is acceptable.</summary>
    public static string? Problem(string password) =>
        password.Length < MinLength ? $"must have at least {MinLength} characters"
        : password.Length > MaxLength ? $"must have at most {MaxLength} characters"
        : password.Any(char.IsControl) ? "must not contain control characters"
        : null;
}
