using Coordination.Assignment.Domain;
using Coordination.Grpc.Assignment;
using Google.Protobuf.WellKnownTypes;

namespace Coordination.Assignment.Api;

/// <summary>Major events, early warnings and accountability files as their gRPC views.</summary>
public static class AccountabilityViews
{
    private static Timestamp? At(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static MajorEventView ToView(MajorEvent m) => new()
    {
        MajorEventId = m.Id.ToString(), CaseId = m.CaseId.ToString(), CaseNumber = m.CaseNumber, Kind = m.Kind, Title = m.Title, RegionCode = m.RegionCode, Unit = m.Unit, OpenedBy = m.OpenedBy,
        EarlyWarningId = m.EarlyWarningId?.ToString() ?? "", OpenedAt = At(m.OpenedAt), FirstReportDueAt = At(m.FirstReportDueAt), FirstReportedAt = At(m.FirstReportedAt),
        ClosedAt = At(m.ClosedAt), ClosingSummary = m.ClosingSummary ?? "",
        Reports =
        {
            m.Reports.OrderBy(r => r.Sequence).Select(r => new MajorEventReportView
            {
                Sequence = r.Sequence, Levels = { r.Levels }, Content = r.Content, ReportedBy = r.ReportedBy, ReportedAt = At(r.ReportedAt), Late = r.Late,
            }),
        },
        Dispatches =
        {
            m.Dispatches.OrderBy(d => d.OrderedAt).Select(d => new DispatchView
            {
                DispatchId = d.Id.ToString(), Destination = d.Destination, FromUnit = d.FromUnit, People = { d.People }, DepartAt = At(d.DepartAt), OrderedBy = d.OrderedBy,
                Outcome = d.Outcome ?? "", PetitionersReturned = d.PetitionersReturned, Note = d.Note ?? "", OutcomeAt = At(d.OutcomeAt),
            }),
        },
    };

    public static EarlyWarningView ToView(EarlyWarning w) => new()
    {
        EarlyWarningId = w.Id.ToString(), Kind = w.Kind, RegionCode = w.RegionCode, Subject = w.Subject, Evidence = w.Evidence, CaseId = w.CaseId?.ToString() ?? "",
        RaisedAt = At(w.RaisedAt),
    };

    public static AccountabilityFileView ToView(AccountabilityFile f) => new()
    {
        FileId = f.Id.ToString(), CaseId = f.CaseId.ToString(), CaseNumber = f.CaseNumber, Rule = f.Rule, RegionCode = f.RegionCode, Unit = f.Unit, Person = f.Person,
        Evidence = { f.Evidence }, OpenedAt = At(f.OpenedAt), Decision = f.Decision ?? "", Reasons = f.Reasons ?? "", DecidedBy = f.DecidedBy ?? "", DecidedAt = At(f.DecidedAt),
    };

    public static AccountabilityRuleView ToView(AccountabilityRule r) => new()
    {
        Kind = r.Kind, Enabled = r.Enabled, WorkingDays = r.WorkingDays, Description = r.Description,
    };
}
