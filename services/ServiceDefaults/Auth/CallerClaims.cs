namespace Coordination.ServiceDefaults.Auth;

public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Unit = "unit";
    /// <summary>The caller's jurisdiction as a 6-digit region code (320000 province, 320100 city, 320102 county).</summary>
    public const string Region = "region";
    /// <summary>The person's display name, as the Directory knows it.</summary>
    public const string Name = "name";
    public const string LeaderTitle = "leader_title";
}
