namespace Coordination.Contracts.Directory;

/// <summary>The kinds of unit the Directory knows (wire values).</summary>
public static class UnitKinds
{
    public const string PetitionBureau = "petition_bureau";
    public const string Department = "department";
    public const string RegionalOffice = "regional_office";
    public const string Township = "township";
    public const string PoliticalLegalCommittee = "political_legal_committee";
    public const string Court = "court";
    public const string Procuratorate = "procuratorate";
    public const string PublicSecurity = "public_security";
    public const string ArbitrationCommission = "arbitration_commission";
    public const string ReconsiderationOffice = "reconsideration_office";
    public const string MediationCommittee = "mediation_committee";
    public const string LegalAid = "legal_aid";
    public const string PartyCommittee = "party_committee";
    public const string Government = "government";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        PetitionBureau, Department, RegionalOffice, Township, PoliticalLegalCommittee, Court, Procuratorate, PublicSecurity,
        ArbitrationCommission, ReconsiderationOffice, MediationCommittee, LegalAid, PartyCommittee, Government,
    };

    /// <summary>Kinds a law-related case can be referred to (诉访分离).</summary>
    public static readonly IReadOnlySet<string> LegalInstitutions = new HashSet<string>
    {
        Court, Procuratorate, PublicSecurity, ArbitrationCommission, ReconsiderationOffice, MediationCommittee, LegalAid,
    };
}
