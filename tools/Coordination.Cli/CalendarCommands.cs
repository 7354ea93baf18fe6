using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.Cli;

/// <summary>The working calendar (the Directory's) and rule sets (Assignment's): an administrator's commands (ADR 19, 20).</summary>
public static class CalendarCommands
{
    public const string Usage = """
          calendar   [YEAR]                                          the working calendar: holidays and make-up working days (调休)
          calendar set --day yyyy-MM-dd,holiday|workday|ordinary[,NAME]...   (administrator) set days; ordinary un-names one
          rule-sets                                                  (administrator) every rule set and the one in force
          save-rule-set --effective-from yyyy-MM-dd [--acknowledge-working-days N] [--accept-notice-days N]
                     [--objection-working-days N] [--handling-days N] [--max-extension-days N] [--rehandling-days N]
                     [--review-request-days N] [--review-decision-days N] [--return-cap N] [--reminder-fraction F]
                     [--supervision-working-days N]              (administrator) a new version; unnamed limits as today's defaults
          preview-deadlines yyyy-MM-dd [--version V]               (administrator) the limits a case registered that day gets
        """;

    public static async Task<IMessage?> RunAsync(string command, string arg, Arguments a, Metadata headers) => command switch
    {
        "calendar" when arg == "set" => await Directory().ChangeWorkingCalendarAsync(new ChangeWorkingCalendarRequest { Days = { a.All("day").Select(Day) } }, headers),
        "calendar" => await Directory().GetWorkingCalendarAsync(new GetWorkingCalendarRequest { Year = arg.Length == 0 ? 0 : Number(arg, "YEAR") }, headers),
        "rule-sets" => await Assignment().ListRuleSetsAsync(new ListRuleSetsRequest(), headers),
        "save-rule-set" => (await Assignment().SaveRuleSetAsync(new SaveRuleSetRequest { RuleSet = RuleSetFrom(a) }, headers)).RuleSet,
        "preview-deadlines" => await Assignment().PreviewDeadlinesAsync(new PreviewDeadlinesRequest { RegistrationDay = arg, Version = a.Get("version", "") }, headers),
        _ => null,
    };

    private static CalendarDay Day(string text)
    {
        var parts = text.Split(',', 3);
        if (parts.Length < 2) throw new UsageException($"--day {text}: give yyyy-MM-dd,holiday|workday|ordinary[,NAME]");
        return new CalendarDay { Date = parts[0], Kind = parts[1], Name = parts.Length > 2 ? parts[2] : "" };
    }

    private static RuleSet RuleSetFrom(Arguments a) => new()
    {
        EffectiveFrom = Commands.Required(a, "effective-from"),
        AcknowledgeWorkingDays = Number(a.Get("acknowledge-working-days", "3"), "--acknowledge-working-days"),
        AcceptNoticeDays = Number(a.Get("accept-notice-days", "15"), "--accept-notice-days"),
        ObjectionWorkingDays = Number(a.Get("objection-working-days", "5"), "--objection-working-days"),
        HandlingDays = Number(a.Get("handling-days", "60"), "--handling-days"),
        MaxExtensionDays = Number(a.Get("max-extension-days", "30"), "--max-extension-days"),
        RehandlingDays = Number(a.Get("rehandling-days", "30"), "--rehandling-days"),
        ReviewRequestDays = Number(a.Get("review-request-days", "30"), "--review-request-days"),
        ReviewDecisionDays = Number(a.Get("review-decision-days", "30"), "--review-decision-days"),
        ReturnCap = Number(a.Get("return-cap", "2"), "--return-cap"),
        ReminderFraction = double.TryParse(a.Get("reminder-fraction", "0.8"), System.Globalization.CultureInfo.InvariantCulture, out var f)
            ? f : throw new UsageException("--reminder-fraction must be a number"),
        SupervisionWorkingDays = Number(a.Get("supervision-working-days", "5"), "--supervision-working-days"),
    };

    private static int Number(string text, string name) => int.TryParse(text, out var n) ? n : throw new UsageException($"{name} must be a whole number");

    private static DirectoryService.DirectoryServiceClient Directory() => new(Channel("COORD_DIRECTORY_GRPC", 5106));
    private static AssignmentService.AssignmentServiceClient Assignment() => new(Channel("COORD_ASSIGNMENT", 5102));

    private static GrpcChannel Channel(string variable, int defaultPort) =>
        GrpcChannel.ForAddress(Environment.GetEnvironmentVariable(variable) ?? $"http://127.0.0.1:{defaultPort}");
}
