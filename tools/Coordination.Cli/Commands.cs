using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Operations;
using Coordination.Grpc.Reporting;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Coordination.Cli;

/// <summary>The command-line client: one command a gRPC call, replies printed as JSON.</summary>
public static class Commands
{
    public const string Usage = """
        usage: coord [--profile NAME] [--directory URL] [--token JWT] COMMAND [options]
          login      [--user NAME [--password PW]]                   sign in: in a browser (device code), or with a password
                                                                     (development Directory; prompted, or read from stdin)
          logout                                                     forget the profile's tokens
          whoami                                                     who the profile is signed in as, and until when
          token      --user NAME [--password PW]                     print an access token (password grant, not stored)
          register   --region CODE --topic T --summary TEXT --name NAME [--id-number ID]... [--phone P]
                     [--channel letter|visit|hotline|mailbox|web|leader-reception-day|peoples-suggestion]
                     [--category suggestion|accusation|grievance] [--accused-unit U] [--other-region CODE]...
                     [--group-size N] [--representatives N] [--reception-day ID] [--request-id ID]
                     [--law-related] [--to-beijing] [--skip-level] [--leader-instructed] [--long-standing]
          petition   CASE_ID
          petitions  [--region CODE] [--channel C] [--flag F] [--status S] [--page-size N] [--page-token T]
          status     QUERY_CODE                                      the petitioner's view (no token needed)
          progress   QUERY_CODE --factor LAST4|PIN                   the petitioner's own: who holds it, by when, the reply
          rate-reply QUERY_CODE --factor F --rating satisfied|basically-satisfied|dissatisfied [--reason R]
          ask-review QUERY_CODE --factor F --reasons R               (复查, within 30 days of the reply)
          search     [--case-number N] [--name NAME] [--id-number ID] [--phone P] [--topic T] [--region CODE] [--status S]
                     [--from INSTANT] [--to INSTANT] [--page-size N] [--page-token T]   within the caller's scope
          topics
          schedule-reception --leader NAME --title T --level city|county|provincial-department|township
                     --region CODE --date yyyy-MM-dd --place P
          complete-reception RECEPTION_DAY_ID
          reception  RECEPTION_DAY_ID
          assignments [--pending]                                    the caller's unit's assignments
          ack        ASSIGNMENT_ID                                   acknowledge (签收)
          accept     ASSIGNMENT_ID                                   told the petitioner it was accepted (告知受理)
          return     ASSIGNMENT_ID --reasons R                       object and ask to return it (异议)
          extend     ASSIGNMENT_ID --days N --reason R
          report     ASSIGNMENT_ID --outcome resolved|explained|not_supported --answer TEXT
          sign-off   ASSIGNMENT_ID                                   (a leader of the unit) signs the report off
          route      CASE_ID --unit U [--kind assignment|transfer]   (bureau) from its queue
          decide-return ASSIGNMENT_ID --approve|--reject --reason R [--new-unit U]
          decide-extension ASSIGNMENT_ID --approve|--reject [--reason R]
          review-report ASSIGNMENT_ID --approve | --reject --reasons R   (send back: 重新办理)
          reply      CASE_ID                                         send the approved answer
          rate       CASE_ID --rating satisfied|basically_satisfied|dissatisfied
          review     CASE_ID --reasons R                             复查, then 复核
          decide-review CASE_ID --decision upheld|changed|revoked --answer TEXT
          hearing    CASE_ID --start | --end
          responsibility CASE_ID --unit U --group G --leader L --person P
          deadlines  CASE_ID
          case       CASE_ID                                         handling state in Assignment
          referrals  [CASE_ID]
          board      [--channel C] [--institution I] [--status S]      the committee's board
          institutions [--channel C]
          refer      REFERRAL_ID --channel C --institution I
          acknowledge-referral REFERRAL_ID --decision filed|accepted|declined [--reasons R]
          referral-update REFERRAL_ID --update hearing_scheduled|decided|mediated|withdrawn [--note N]
          conclude   REFERRAL_ID --conclusion concluded_in_law|returned_to_petition_track --detail D
          supervise  REFERRAL_ID --addressee CODE --content C --due yyyy-MM-dd
          reply-order ORDER_ID --reply R
          legal-advice CASE_ID --lawyer L --firm F --advice A
          meetings   [CASE_ID]
          meeting    MEETING_ID
          convene    MEETING_ID --agenda A --at 2026-12-01T10:00+08:00 --place P --party CODE... --answer-by DATE --positions-by DATE
          answer     MEETING_ID --response confirm|decline|delegate [--reason R] [--delegate NAME]
          position   MEETING_ID --position P --handling H
          hold       MEETING_ID --attended CODE... --minutes M --resolution R [--lead-unit U]
          action-item MEETING_ID --owner CODE --task T --due DATE
          reply-item ITEM_ID --reply R [--evidence E]
          review-item ITEM_ID --approve | --reject --reason R
          close-meeting MEETING_ID
          timeline   CASE_ID
          declare-interest CASE_ID --reason R                        keep yourself away from a case from now on (回避, ADR 30)
          recuse     --login LOGIN --case CASE_ID --reason R         (administrator) keep a person away from a case
          recusals   [--login LOGIN] [--case CASE_ID]                recusals (administrator: anyone's; others: their own)
          bulletin   yyyy-MM [--region CODE]                         petitions to Beijing by region (§9)
          rates      --from 2026-05-01T00:00+08:00 --to ... [--region CODE]
          overdue    [--region CODE] [--unit U] [--as-of INSTANT]    late limits by unit and responsible person
          legal-cases [--region CODE]                                the committee's legal cases
          screening  yyyy-Qn [--region CODE]                         the quarterly screening register (§16)
          dashboard  [--day yyyy-MM-dd] [--region CODE]              today's live counters (Redis)
          meetings-report [--region CODE]
          rebuild                                                    (administrator) start folding every read model again (background)
          rebuild-progress <rebuild-id>                              (administrator) how far that rebuild got
          errors     [QUEUE]                                         parked messages (<queue>_error) and why
          errors redrive QUEUE [--message-id ID]                     move them back into QUEUE (all, or one)
                     RabbitMQ management: --rabbit URL or COORD_RABBIT (http://127.0.0.1:15672/), --vhost (/),
                     COORD_RABBIT_USER / COORD_RABBIT_PASSWORD (coordination / coordination)
        """ + "\n" + CalendarCommands.Usage + "\n" + """
          outbox     SERVICE [--limit N]                             (administrator) the service's quarantined outbox rows
          outbox release|discard SERVICE MESSAGE_ID                  publish it now (after fixing the cause), or drop it
                     SERVICE: intake, assignment, legal-diversion, joint-meeting, reporting, directory
        every CASE_ID may be a case number (320102-2026-000123); `coord SERVICE METHOD --help` reaches every gRPC method
        addresses: COORD_INTAKE, COORD_ASSIGNMENT, COORD_LEGAL, COORD_JOINT_MEETING, COORD_REPORTING
        (defaults http://127.0.0.1:5101 .. 5105), COORD_DIRECTORY_GRPC (5106); the Directory: --directory or COORD_DIRECTORY (http://127.0.0.1:5206/)
        tokens: $XDG_CONFIG_HOME/coordination/PROFILE.json (~/.config/coordination/), one file a profile;
        --profile or COORD_PROFILE (default "default"); --token JWT uses that token as is
        """;

    internal static readonly HashSet<string> Flags =
        ["json", "law-related", "pending", "to-beijing", "skip-level", "leader-instructed", "long-standing", "approve", "reject", "start", "end"];
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false).WithIndentation());

    private static async Task<int> ErrorsAsync(Arguments a, string arg)
    {
        var parked = ParkedMessages.FromEnvironment(a);
        if (arg != "redrive")
        {
            Console.WriteLine((await parked.ListAsync(arg, CancellationToken.None)).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var queue = a.Positional.Count > 2 ? a.Positional[2] : throw new UsageException("errors redrive needs the queue");
        var moved = await parked.RedriveAsync(queue, a.Get("message-id"), CancellationToken.None);
        Console.WriteLine($"re-drove {moved} message(s) into {queue.Replace("_error", "")}");
        return 0;
    }

    /// <summary>The petitioner's self-service: the query code (the command's argument) and --factor (the phone's last four digits, or the PIN).</summary>
    private static async Task<IMessage> PetitionerAsync(string command, string queryCode, Arguments a)
    {
        var proof = new PetitionerProof { QueryCode = queryCode, SecondFactor = Required(a, "factor") };
        return command switch
        {
            "progress" => (await Intake().GetPetitionProgressAsync(new GetPetitionProgressRequest { Proof = proof })).Progress,
            "rate-reply" => (await Intake().RatePetitionReplyAsync(new RatePetitionReplyRequest
                { Proof = proof, Rating = RegisterRequests.ParseEnum<ReplyRating>(Required(a, "rating")), Reason = a.Get("reason", "") })).Progress,
            _ => (await Intake().RequestPetitionReviewAsync(new RequestPetitionReviewRequest { Proof = proof, Reasons = Required(a, "reasons") })).Progress,
        };
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new Arguments(args, Flags);
        if (a.Positional.Count == 0) throw new UsageException("no command");
        var command = a.Positional[0];
        var arg = a.Positional.Count > 1 ? a.Positional[1] : "";
        var profile = a.Get("profile") ?? Environment.GetEnvironmentVariable("COORD_PROFILE") ?? "default";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var store = TokenStore.Default();
        var signIn = new SignIn(store, profile, http, TimeProvider.System);
        switch (command)
        {
            case "login": return await signIn.LoginAsync(a, CancellationToken.None);
            case "logout": return await signIn.LogoutAsync();
            case "whoami": return await signIn.WhoAmIAsync();
            case "token": return await signIn.TokenAsync(a, CancellationToken.None);
            case "errors": // the operator's: RabbitMQ's management API, no sign-in to the services
                return await ErrorsAsync(a, arg);
            case "status": // the petitioner's view: no sign-in
                Console.WriteLine(Json.Format(await Intake().GetPetitionStatusAsync(new GetPetitionStatusRequest { QueryCode = arg })));
                return 0;
            case "progress" or "rate-reply" or "ask-review": // the petitioner's own: the query code and its second factor, no sign-in
                Console.WriteLine(Json.Format(await PetitionerAsync(command, arg, a)));
                return 0;
        }
        var token = a.Get("token") ?? await new Session(store, profile, http, TimeProvider.System).AccessTokenAsync(CancellationToken.None);
        var headers = new Metadata { { "Authorization", $"Bearer {token}" } };
        if (arg.Length > 0 && CaseCommands.Value.Contains(command)) arg = await CaseNumbers.ResolveAsync(arg, headers);
        IMessage reply = await CalendarCommands.RunAsync(command, arg, a, headers) ?? command switch
        {
            "register" => await Intake().RegisterPetitionAsync(RegisterRequests.From(a), headers),
            "petition" => (await Intake().GetPetitionAsync(new GetPetitionRequest { CaseId = arg }, headers)).Petition,
            "petitions" => await Intake().ListPetitionsAsync(new ListPetitionsRequest
            {
                RegionCode = a.Get("region", ""), Channel = RegisterRequests.ParseEnum<Coordination.Grpc.Intake.Channel>(a.Get("channel", "unspecified")),
                Flag = a.Get("flag", ""), Status = a.Get("status", ""), PageSize = a.Number("page-size"), PageToken = a.Get("page-token", ""),
            }, headers),
            "search" => await Intake().SearchPetitionsAsync(new SearchPetitionsRequest
            {
                CaseNumber = a.Get("case-number", ""), PetitionerName = a.Get("name", ""), IdNumber = a.Get("id-number", ""), Phone = a.Get("phone", ""),
                Topic = a.Get("topic", ""), RegionCode = a.Get("region", ""), Status = a.Get("status", ""),
                RegisteredFrom = a.Get("from") is { } from ? Instant(from) : null, RegisteredTo = a.Get("to") is { } to ? Instant(to) : null,
                PageSize = a.Number("page-size"), PageToken = a.Get("page-token", ""),
            }, headers),
            "topics" => await Intake().ListTopicsAsync(new ListTopicsRequest(), headers),
            "schedule-reception" => (await Intake().ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
            {
                LeaderName = Required(a, "leader"), LeaderTitle = Required(a, "title"), Level = RegisterRequests.ParseEnum<ReceptionLevel>(Required(a, "level")),
                RegionCode = Required(a, "region"), Date = Required(a, "date"), Place = Required(a, "place"),
            }, headers)).ReceptionDay,
            "complete-reception" => (await Intake().CompleteReceptionDayAsync(new CompleteReceptionDayRequest { ReceptionDayId = arg }, headers)).ReceptionDay,
            "reception" => (await Intake().GetReceptionDayAsync(new GetReceptionDayRequest { ReceptionDayId = arg }, headers)).ReceptionDay,
            "assignments" => await Assignment().ListAssignmentsAsync(new ListAssignmentsRequest { PendingOnly = a.Has("pending") }, headers),
            "ack" => (await Assignment().AcknowledgeAssignmentAsync(new AcknowledgeAssignmentRequest { AssignmentId = arg }, headers)).Assignment,
            "accept" => (await Assignment().NotifyAcceptanceAsync(new NotifyAcceptanceRequest { AssignmentId = arg }, headers)).Assignment,
            "return" => (await Assignment().RequestReturnAsync(new RequestReturnRequest { AssignmentId = arg, Reasons = a.Get("reasons", "") }, headers)).Assignment,
            "extend" => (await Assignment().RequestExtensionAsync(new RequestExtensionRequest
                { AssignmentId = arg, Days = a.Number("days"), Reason = a.Get("reason", "") }, headers)).Assignment,
            "report" => (await Assignment().SubmitReportAsync(new SubmitReportRequest
                { AssignmentId = arg, Outcome = a.Get("outcome", ""), Answer = a.Get("answer", "") }, headers)).Assignment,
            "sign-off" => (await Assignment().SignOffReportAsync(new SignOffReportRequest { AssignmentId = arg }, headers)).Assignment,
            "route" => (await Assignment().RouteCaseAsync(new RouteCaseRequest
                { CaseId = arg, UnitCode = a.Get("unit", ""), Kind = a.Get("kind", "assignment") }, headers)).Case,
            "decide-return" => (await Assignment().DecideReturnAsync(new DecideReturnRequest
                { AssignmentId = arg, Approve = Decision(a), Reason = a.Get("reason", ""), NewUnitCode = a.Get("new-unit", "") }, headers)).Assignment,
            "decide-extension" => (await Assignment().DecideExtensionAsync(new DecideExtensionRequest
                { AssignmentId = arg, Approve = Decision(a), Reason = a.Get("reason", "") }, headers)).Assignment,
            "review-report" => (await Assignment().ReviewReportAsync(new ReviewReportRequest
                { AssignmentId = arg, Approve = Decision(a), Reasons = a.Get("reasons", "") }, headers)).Assignment,
            "reply" => (await Assignment().SendReplyAsync(new SendReplyRequest { CaseId = arg }, headers)).Case,
            "rate" => (await Assignment().RateReplyAsync(new RateReplyRequest { CaseId = arg, Rating = a.Get("rating", "") }, headers)).Case,
            "review" => (await Assignment().RequestReviewAsync(new RequestReviewRequest { CaseId = arg, Reasons = a.Get("reasons", "") }, headers)).Case,
            "decide-review" => (await Assignment().DecideReviewAsync(new DecideReviewRequest
                { CaseId = arg, Decision = a.Get("decision", ""), Answer = a.Get("answer", "") }, headers)).Case,
            "hearing" => a.Has("start")
                ? (await Assignment().StartHearingAsync(new StartHearingRequest { CaseId = arg }, headers)).Case
                : (await Assignment().EndHearingAsync(new EndHearingRequest { CaseId = arg }, headers)).Case,
            "responsibility" => (await Assignment().AssignResponsibilityAsync(new AssignResponsibilityRequest
            {
                CaseId = arg, Unit = a.Get("unit", ""), Group = a.Get("group", ""), Leader = a.Get("leader", ""), Person = a.Get("person", ""),
            }, headers)).Case,
            "deadlines" => await Assignment().ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = arg }, headers),
            "case" => (await Assignment().GetCaseAsync(new GetCaseRequest { CaseId = arg }, headers)).Case,
            "referrals" => await Legal().ListReferralsAsync(new ListReferralsRequest { CaseId = arg }, headers),
            "board" => await Legal().GetBoardAsync(new GetBoardRequest
                { Channel = a.Get("channel", ""), InstitutionCode = a.Get("institution", ""), Status = a.Get("status", "") }, headers),
            "institutions" => await Legal().ListInstitutionsAsync(new ListInstitutionsRequest { Channel = a.Get("channel", "") }, headers),
            "refer" => (await Legal().ReferCaseAsync(new ReferCaseRequest
                { ReferralId = arg, Channel = a.Get("channel", ""), InstitutionCode = a.Get("institution", "") }, headers)).Referral,
            "acknowledge-referral" => (await Legal().AcknowledgeReferralAsync(new AcknowledgeReferralRequest
                { ReferralId = arg, Decision = a.Get("decision", ""), Reasons = a.Get("reasons", "") }, headers)).Referral,
            "referral-update" => (await Legal().PostReferralUpdateAsync(new PostReferralUpdateRequest
                { ReferralId = arg, Update = a.Get("update", ""), Note = a.Get("note", "") }, headers)).Referral,
            "conclude" => (await Legal().ConcludeReferralAsync(new ConcludeReferralRequest
                { ReferralId = arg, Conclusion = a.Get("conclusion", ""), Detail = a.Get("detail", "") }, headers)).Referral,
            "supervise" => (await Legal().IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
                { ReferralId = arg, AddresseeCode = a.Get("addressee", ""), Content = a.Get("content", ""), DueDate = a.Get("due", "") }, headers)).Order,
            "reply-order" => (await Legal().ReplySupervisionOrderAsync(new ReplySupervisionOrderRequest { OrderId = arg, Reply = a.Get("reply", "") }, headers)).Order,
            "legal-advice" => (await Legal().RecordLegalAdviceAsync(new RecordLegalAdviceRequest
                { CaseId = arg, Lawyer = a.Get("lawyer", ""), Firm = a.Get("firm", ""), Advice = a.Get("advice", "") }, headers)).LegalAdvice,
            "meetings" => await Meetings().ListMeetingsAsync(new ListMeetingsRequest { CaseId = arg }, headers),
            "meeting" => (await Meetings().GetMeetingAsync(new GetMeetingRequest { MeetingId = arg }, headers)).Meeting,
            "convene" => (await Meetings().ConveneMeetingAsync(new ConveneMeetingRequest
            {
                MeetingId = arg, Agenda = a.Get("agenda", ""), Place = a.Get("place", ""), Parties = { a.All("party") },
                ScheduledAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Arguments.Instant(Required(a, "at"), "at")),
                AnswerBy = a.Get("answer-by", ""), PositionsBy = a.Get("positions-by", ""),
            }, headers)).Meeting,
            "answer" => (await Meetings().AnswerInvitationAsync(new AnswerInvitationRequest
                { MeetingId = arg, Response = a.Get("response", ""), Reason = a.Get("reason", ""), Delegate = a.Get("delegate", "") }, headers)).Meeting,
            "position" => (await Meetings().SubmitPositionAsync(new SubmitPositionRequest
                { MeetingId = arg, Position = a.Get("position", ""), HandlingStatus = a.Get("handling", "") }, headers)).Meeting,
            "hold" => (await Meetings().HoldMeetingAsync(new HoldMeetingRequest
            {
                MeetingId = arg, Attended = { a.All("attended") }, Minutes = a.Get("minutes", ""), Resolution = a.Get("resolution", ""), LeadUnit = a.Get("lead-unit", ""),
            }, headers)).Meeting,
            "action-item" => (await Meetings().IssueActionItemAsync(new IssueActionItemRequest
                { MeetingId = arg, Owner = a.Get("owner", ""), Task = a.Get("task", ""), DueDate = a.Get("due", "") }, headers)).Meeting,
            "reply-item" => (await Meetings().ReplyActionItemAsync(new ReplyActionItemRequest
                { ItemId = arg, Reply = a.Get("reply", ""), Evidence = a.Get("evidence", "") }, headers)).Meeting,
            "review-item" => (await Meetings().ReviewActionItemAsync(new ReviewActionItemRequest { ItemId = arg, Accept = Decision(a), Reason = a.Get("reason", "") }, headers)).Meeting,
            "close-meeting" => (await Meetings().CloseMeetingAsync(new CloseMeetingRequest { MeetingId = arg }, headers)).Meeting,
            "timeline" => await Reports().GetCaseTimelineAsync(new GetCaseTimelineRequest { CaseId = arg }, headers),
            "bulletin" => await Reports().GetBeijingBulletinAsync(new GetBeijingBulletinRequest { Month = arg, RegionCode = a.Get("region", "") }, headers),
            "rates" => await Reports().GetRatesAsync(new GetRatesRequest
            {
                RegisteredFrom = Instant(Required(a, "from")), RegisteredTo = Instant(Required(a, "to")), RegionCode = a.Get("region", ""),
            }, headers),
            "overdue" => await Reports().GetOverdueListAsync(new GetOverdueListRequest
                { RegionCode = a.Get("region", ""), UnitCode = a.Get("unit", ""), AsOf = a.Get("as-of") is { } asOf ? Instant(asOf) : null }, headers),
            "legal-cases" => await Reports().GetLegalCasesAsync(new GetLegalCasesRequest { RegionCode = a.Get("region", "") }, headers),
            "screening" => await Reports().GetScreeningRegisterAsync(new GetScreeningRegisterRequest { Quarter = arg, RegionCode = a.Get("region", "") }, headers),
            "dashboard" => await Reports().GetLiveDashboardAsync(new GetLiveDashboardRequest { Day = a.Get("day", ""), RegionCode = a.Get("region", "") }, headers),
            "meetings-report" => await Reports().GetJointMeetingReportAsync(new GetJointMeetingReportRequest { RegionCode = a.Get("region", "") }, headers),
            "rebuild" => await Reports().RebuildReadModelsAsync(new RebuildReadModelsRequest(), headers),
            "outbox" => await OutboxAsync(a, arg, headers),
            "declare-interest" => (await Directory().DeclareInterestAsync(new DeclareInterestRequest { CaseId = arg, Reason = Required(a, "reason") }, headers)).Recusal,
            "recuse" => (await Directory().RecordRecusalAsync(new RecordRecusalRequest
            {
                Login = Required(a, "login"), CaseId = await CaseNumbers.ResolveAsync(Required(a, "case"), headers), Reason = Required(a, "reason"),
            }, headers)).Recusal,
            "recusals" => await Directory().ListRecusalsAsync(new ListRecusalsRequest
            {
                Login = a.Get("login", ""), CaseId = a.Get("case") is { } c ? await CaseNumbers.ResolveAsync(c, headers) : "",
                PageSize = a.Number("page-size"), PageToken = a.Get("page-token", ""),
            }, headers),
            "rebuild-progress" => await Reports().GetReadModelRebuildAsync(new GetReadModelRebuildRequest { RebuildId = arg }, headers),
            _ => throw new UsageException($"unknown command '{command}'"),
        };
        Output.Print(reply, a.Has("json"));
        return 0;
    }

    private static IntakeService.IntakeServiceClient Intake() => new(Channel("COORD_INTAKE", 5101));
    private static AssignmentService.AssignmentServiceClient Assignment() => new(Channel("COORD_ASSIGNMENT", 5102));
    private static LegalDiversionService.LegalDiversionServiceClient Legal() => new(Channel("COORD_LEGAL", 5103));
    private static JointMeetingService.JointMeetingServiceClient Meetings() => new(Channel("COORD_JOINT_MEETING", 5104));

    /// <summary>The short commands whose argument is a case: a case number is accepted there too.</summary>
    private static readonly Lazy<HashSet<string>> CaseCommands = new(() => LegacyCommands.Shapes(Usage).Where(s => s.TakesCase).Select(s => s.Name).ToHashSet());

    private static Coordination.Grpc.Directory.DirectoryService.DirectoryServiceClient Directory() => new(Endpoints.Channel("directory"));

    private static ReportingService.ReportingServiceClient Reports() => new(Channel("COORD_REPORTING", 5105));

    private static async Task<IMessage> OutboxAsync(Arguments a, string arg, Metadata headers)
    {
        if (arg is "release" or "discard")
        {
            if (a.Positional.Count < 4) throw new UsageException($"outbox {arg} needs SERVICE and MESSAGE_ID");
            var client = Outbox(a.Positional[2]);
            var id = a.Positional[3];
            return arg == "release"
                ? await client.ReleaseQuarantinedMessageAsync(new ReleaseQuarantinedMessageRequest { MessageId = id }, headers)
                : await client.DiscardQuarantinedMessageAsync(new DiscardQuarantinedMessageRequest { MessageId = id }, headers);
        }
        var limit = a.Get("limit") is { } text ? int.TryParse(text, out var n) ? n : throw new UsageException("--limit must be a number") : 0;
        return await Outbox(arg).ListQuarantinedMessagesAsync(new ListQuarantinedMessagesRequest { Limit = limit }, headers);
    }

    private static OutboxService.OutboxServiceClient Outbox(string service) => new(service switch
    {
        "intake" => Channel("COORD_INTAKE", 5101),
        "assignment" => Channel("COORD_ASSIGNMENT", 5102),
        "legal-diversion" => Channel("COORD_LEGAL", 5103),
        "joint-meeting" => Channel("COORD_JOINT_MEETING", 5104),
        "reporting" => Channel("COORD_REPORTING", 5105),
        "directory" => Channel("COORD_DIRECTORY_GRPC", 5106),
        _ => throw new UsageException($"unknown service '{service}': intake, assignment, legal-diversion, joint-meeting, reporting or directory"),
    });

    private static Google.Protobuf.WellKnownTypes.Timestamp Instant(string text) =>
        Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Arguments.Instant(text, "from/--to/--as-of"));

    private static bool Decision(Arguments a) => a.Has("approve") ? true : a.Has("reject") ? false : throw new UsageException("say --approve or --reject");

    internal static string Required(Arguments a, string name) => a.Get(name) ?? throw new UsageException($"--{name} is required");

    private static GrpcChannel Channel(string variable, int defaultPort) =>
        Endpoints.Channel(Endpoints.Services.Single(s => s.Value.Variable == variable).Key);
}
