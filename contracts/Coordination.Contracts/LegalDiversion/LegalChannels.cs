namespace Coordination.Contracts.LegalDiversion;

/// <summary>The legal channels a law-related case is diverted to (诉访分离, §14–15): wire values.</summary>
public static class LegalChannels
{
    public const string CourtLitigation = "court_litigation";
    public const string CourtAppeal = "court_appeal";
    public const string Procuratorate = "procuratorate";
    public const string PublicSecurity = "public_security";
    public const string Arbitration = "arbitration";
    public const string AdministrativeReconsideration = "administrative_reconsideration";
    public const string AdministrativeMediation = "administrative_mediation";
    public const string PeoplesMediation = "peoples_mediation";
    public const string LegalAid = "legal_aid";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        CourtLitigation, CourtAppeal, Procuratorate, PublicSecurity, Arbitration, AdministrativeReconsideration,
        AdministrativeMediation, PeoplesMediation, LegalAid,
    };
}
