using Coordination.Directory.Domain;
using UnitView = Coordination.Grpc.Directory.Unit;
using PersonView = Coordination.Grpc.Directory.Person;

namespace Coordination.Directory.Api;

/// <summary>Domain rows as the gRPC API shows them.</summary>
public static class Views
{
    public static Coordination.Grpc.Directory.CalendarDay Of(Coordination.ServiceDefaults.Calendar.CalendarDayRow d) => new()
    {
        Date = d.Day.ToString("yyyy-MM-dd"), Kind = d.Kind, Name = d.Name,
    };

    public static UnitView Of(Unit u) => new()
    {
        Code = u.Code, Name = u.Name, Kind = u.Kind, RegionCode = u.RegionCode, ParentCode = u.ParentCode ?? "", Active = u.Active, Version = u.Version,
    };

    public static PersonView Of(Person p, DateTimeOffset now) => new()
    {
        Login = p.Login, Name = p.Name, UnitCode = p.UnitCode, Role = p.Role, LeaderTitle = p.LeaderTitle, Active = p.Active, Locked = p.IsLocked(now),
    };

    public static Coordination.Grpc.Directory.Recusal Of(Recusal r) => new()
    {
        Login = r.Login, CaseId = r.CaseId.ToString(), Reason = r.Reason, Source = r.Source, RecordedBy = r.RecordedBy,
        RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.RecordedAt),
    };
}
