namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// One party kept away from one case (table case_recusals, ADR 30): a person recused in the Directory ("person:" and the
/// login, copied from <c>PersonRecused</c>), or the accused unit of an accusation ("unit:" and the code, written by the
/// service itself when it learns the case). Neither ever sees the case through this service.
/// </summary>
public sealed class CaseRecusal
{
    public required string Party { get; init; }
    public required Guid CaseId { get; init; }
    public required DateTimeOffset Since { get; init; }

    public static string PersonParty(string login) => "person:" + login;
    public static string UnitParty(string unitCode) => "unit:" + unitCode;
}
