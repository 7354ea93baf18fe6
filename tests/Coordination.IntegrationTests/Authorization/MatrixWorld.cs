using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Reporting;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Coordination.IntegrationTests.Authorization.AccessMatrix;

namespace Coordination.IntegrationTests.Authorization;

/// <summary>
/// The things the matrix calls about, all in Nanjing's Xuanwu district (320102): a case handed to the Xuanwu housing office, a
/// reception day, a legal referral to the Xuanwu court with a supervision order to it, a held joint meeting with an action item
/// of the housing office, a rebuild, a person. In scope: people of those units and of Nanjing; out of scope: Suzhou's, or
/// another unit of the city. Everyone signs in at the run's Directory with a password, as real users do.
/// </summary>
public sealed class MatrixWorld
{
    public const string Password = "Matrix-Passw0rd-2026", NewPassword = "Matrix-Passw0rd-2027", Region = "320102";

    /// <summary>(role, unit, region) in scope and out of scope; the administrator and the anonymous caller have no scope.</summary>
    public static readonly IReadOnlyDictionary<string, ((string Unit, string Region) In, (string Unit, string Region) Out)> Units =
        new Dictionary<string, ((string, string), (string, string))>
        {
            [Clerk] = (("nanjing-petition-bureau", "320100"), ("suzhou-petition-bureau", "320500")),
            [Department] = (("xuanwu-housing-office", "320102"), ("nanjing-labour-bureau", "320100")),
            [Committee] = (("nanjing-political-legal-committee", "320100"), ("suzhou-political-legal-committee", "320500")),
            [AccessMatrix.Institution] = (("xuanwu-court", "320102"), ("qinhuai-court", "320104")),
            [Bureau] = (("nanjing-petition-bureau", "320100"), ("suzhou-petition-bureau", "320500")),
            [Leader] = (("xuanwu-housing-office", "320102"), ("suzhou-gov", "320500")),
            [Administrator] = (("jiangsu-petition-bureau", "320000"), ("jiangsu-petition-bureau", "320000")),
        };

    public required SystemFixture System { get; init; }
    public Dictionary<(string Column, bool InScope), Metadata> Tokens { get; } = [];
    public Dictionary<(string Column, bool InScope), string> Logins { get; } = [];
    /// <summary>A second person of each case role's in-scope unit, recused from the world's three cases (ADR 30) once things are made.</summary>
    public Dictionary<string, (string Login, Metadata Token)> Recused { get; } = [];
    public string CaseId { get; private set; } = "";
    public string QueryCode { get; private set; } = "";
    public string AssignmentId { get; private set; } = "";
    public string AttachmentId { get; private set; } = "";
    public string MinutesId { get; private set; } = "";
    public string ReceptionDayId { get; private set; } = "";
    public string LegalCaseId { get; private set; } = "";
    public string ReferralId { get; private set; } = "";
    public string OrderId { get; private set; } = "";
    public string MeetingCaseId { get; private set; } = "";
    public string MeetingId { get; private set; } = "";
    public string ItemId { get; private set; } = "";
    public string RebuildId { get; private set; } = "";
    /// <summary>A suggestion passed to the Xuanwu housing office; a long-standing petitioner's case owned by the leader in scope.</summary>
    public string SuggestionCaseId { get; private set; } = "";
    public string OwnedCaseId { get; private set; } = "";
    public string OwnershipId { get; private set; } = "";
    public string MajorEventId { get; private set; } = "";
    public string DispatchId { get; private set; } = "";
    public string FileId { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public string VictimLogin { get; private set; } = "";
    /// <summary>Two rows of Intake's outbox quarantined for the operator's calls (an unknown type: released, it is quarantined again).</summary>
    public (Guid ToRelease, Guid ToDiscard) Quarantined { get; private set; }

    /// <summary>The world's identifiers: none may appear in a reply to a caller out of scope.</summary>
    public IEnumerable<string> Identifiers => [CaseId, AssignmentId, LegalCaseId, ReferralId, OrderId, MeetingCaseId, MeetingId, ItemId, MajorEventId, DispatchId, FileId,
        Logins[(Department, true)], SuggestionCaseId, OwnedCaseId, OwnershipId];

    public Metadata TokenOf(string column, bool inScope) => Tokens[(column, column == Administrator || inScope)];

    public static async Task<MatrixWorld> BuildAsync(SystemFixture system)
    {
        var world = new MatrixWorld { System = system };
        await world.SignInEveryoneAsync();
        await world.MakeThingsAsync();
        await world.QuarantineTwoOutboxRowsAsync();
        return world;
    }

    private async Task SignInEveryoneAsync()
    {
        using var directory = new DirectorySignIn(System);
        foreach (var (column, (inScope, outOfScope)) in Units)
            foreach (var (scope, (unit, _)) in new[] { (true, inScope), (false, outOfScope) })
            {
                if (column == Administrator && !scope) continue;
                var login = await directory.NewPersonAsync(column, unit, Password, column == Leader ? "主任" : "");
                Logins[(column, scope)] = login;
                Tokens[(column, scope)] = DirectorySignIn.Bearer(await directory.AccessTokenAsync(login, Password));
            }
        Tokens[(Anonymous, true)] = Tokens[(Anonymous, false)] = [];
        foreach (var column in CaseRoles)
        {
            var login = await directory.NewPersonAsync(column, Units[column].In.Unit, Password, column == Leader ? "主任" : "");
            Recused[column] = (login, DirectorySignIn.Bearer(await directory.AccessTokenAsync(login, Password)));
        }
        VictimLogin = await directory.NewPersonAsync(Department, "nanjing-culture-bureau", Password);
        UnitCode = "matrix-office-" + Guid.NewGuid().ToString("N")[..8];
        await directory.Api.RegisterUnitAsync(new RegisterUnitRequest { Code = UnitCode, Name = "矩阵测试办公室" + UnitCode[^8..], Kind = "department",
            RegionCode = Region, ParentCode = "xuanwu-gov" }, TokenOf(Administrator, true));
    }

    private async Task QuarantineTwoOutboxRowsAsync()
    {
        Quarantined = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var id in new[] { Quarantined.ToRelease, Quarantined.ToDiscard })
            await System.Intake.CountAsync("INSERT INTO outbox_messages (id, message_type, body, quarantined_at, quarantine_reason) " +
                "VALUES ($1, 'Coordination.Contracts.Nowhere.Matrix, Coordination.Contracts', '{}', now(), 'the access matrix')", id);
    }

    /// <summary>What the operator's calls leave behind: the released row, quarantined again.</summary>
    public Task RemoveQuarantinedRowsAsync() =>
        System.Intake.CountAsync("DELETE FROM outbox_messages WHERE id = ANY($1)", new[] { Quarantined.ToRelease, Quarantined.ToDiscard });

    private async Task MakeThingsAsync()
    {
        Metadata clerk = TokenOf(Clerk, true), bureau = TokenOf(Bureau, true), committee = TokenOf(Committee, true), department = TokenOf(Department, true);
        var intake = new IntakeService.IntakeServiceClient(System.Intake.Channel);
        var assignment = new AssignmentService.AssignmentServiceClient(System.Assignment.Channel);
        var legal = new LegalDiversionService.LegalDiversionServiceClient(System.LegalDiversion.Channel);
        var meetings = new JointMeetingService.JointMeetingServiceClient(System.JointMeeting.Channel);

        var registered = await intake.RegisterPetitionAsync(Petitions.Valid(region: Region, topic: "housing"), clerk);
        (CaseId, QueryCode) = (registered.CaseId, registered.QueryCode);
        AssignmentId = (await Eventually.UntilAsync(() => assignment.GetCaseAsync(new GetCaseRequest { CaseId = CaseId }, bureau).ResponseAsync,
            c => c.Case.Assignments.Any(a => a.UnitCode == "xuanwu-housing-office"), "the case to be handed to the Xuanwu housing office")).Case.Assignments[0].AssignmentId;
        AttachmentId = (await Uploads.EvidenceAsync(assignment, AssignmentId, Uploads.Pdf(2000), department)).AttachmentId;
        await Eventually.UntilAsync(() => intake.GetPetitionAsync(new GetPetitionRequest { CaseId = CaseId }, department).ResponseAsync, p => p is not null,
            "Intake to let the housing office read the petition");

        // A major event of the case (to Beijing) with a return team out, and an accountability file of the housing office.
        var events = new MajorEventService.MajorEventServiceClient(System.Assignment.Channel);
        MajorEventId = (await events.OpenMajorEventAsync(new OpenMajorEventRequest { CaseId = CaseId, Kind = "to_beijing", Title = "赴京上访" }, bureau))
            .MajorEvent.MajorEventId;
        DispatchId = (await events.DispatchReturnTeamAsync(new DispatchReturnTeamRequest
        {
            MajorEventId = MajorEventId, Destination = "beijing", FromUnit = "xuanwu-gov", People = { "staff.wang" },
            DepartAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }, bureau)).MajorEvent.Dispatches[0].DispatchId;
        FileId = await AccountabilityFiles.OpenedAsync(System.Assignment, CaseId, Region, "xuanwu-housing-office");

        ReceptionDayId = (await intake.ScheduleReceptionDayAsync(new ScheduleReceptionDayRequest
        {
            LeaderName = "王书记", LeaderTitle = "区委书记", Level = ReceptionLevel.County, RegionCode = Region,
            Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd"), Place = "玄武区信访局",
        }, clerk)).ReceptionDay.ReceptionDayId;

        var lawRelated = Petitions.Valid(region: Region, topic: "housing");
        lawRelated.LawRelated = true;
        LegalCaseId = (await intake.RegisterPetitionAsync(lawRelated, clerk)).CaseId;
        ReferralId = (await Eventually.UntilAsync(() => legal.ListReferralsAsync(new ListReferralsRequest { CaseId = LegalCaseId }, committee).ResponseAsync,
            r => r.Referrals.Count == 1, "the referral to open")).Referrals[0].ReferralId;
        await legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = ReferralId, Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, committee);
        OrderId = (await legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
        {
            ReferralId = ReferralId, AddresseeCode = "xuanwu-court", Content = "请依法及时立案", DueDate = Day(30),
        }, committee)).Order.OrderId;

        var crossRegion = Petitions.Valid(region: Region, topic: "housing");
        crossRegion.OtherRegionCodes.Add("321100");
        MeetingCaseId = (await intake.RegisterPetitionAsync(crossRegion, clerk)).CaseId;
        MeetingId = (await Eventually.UntilAsync(() => meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = MeetingCaseId }, bureau).ResponseAsync,
            r => r.Meetings.Count == 1, "the meeting to be proposed")).Meetings[0].MeetingId;
        await meetings.ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = MeetingId, Agenda = "跨区域协调", ScheduledAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)), Place = "市信访局",
            Parties = { "xuanwu-housing-office", "xuanwu-gov" }, AnswerBy = Day(5), PositionsBy = Day(8),
        }, bureau);
        await meetings.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = MeetingId, Attended = { "xuanwu-housing-office", "xuanwu-gov" }, Minutes = "通报情况", Resolution = "玄武牵头", LeadUnit = "xuanwu-housing-office",
        }, bureau);
        ItemId = (await meetings.IssueActionItemAsync(new IssueActionItemRequest { MeetingId = MeetingId, Owner = "xuanwu-housing-office", Task = "回告整改情况",
            DueDate = Day(20) }, bureau)).Meeting.ActionItems[0].ItemId;
        using (var minutes = meetings.UploadMeetingMinutes(bureau))
        {
            await minutes.RequestStream.WriteAsync(new UploadMeetingMinutesRequest
            {
                Header = new Coordination.Grpc.Attachments.AttachmentHeader { SubjectId = MeetingId, FileName = "纪要.txt", ContentType = "text/plain" },
            });
            await minutes.RequestStream.WriteAsync(new UploadMeetingMinutesRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8("会议纪要") });
            await minutes.RequestStream.CompleteAsync();
            MinutesId = (await minutes.ResponseAsync).Attachment.AttachmentId;
        }

        await MakeSuggestionAndOwnershipAsync(clerk, bureau);

        var reporting = new ReportingService.ReportingServiceClient(System.Reporting.Channel);
        RebuildId = (await reporting.RebuildAndWaitAsync()).RebuildId;
    }

    /// <summary>The world's things that belong to its three cases: none may reach a person recused from them.</summary>
    public IEnumerable<string> CaseIdentifiers => [CaseId, AssignmentId, AttachmentId, LegalCaseId, ReferralId, OrderId, MeetingCaseId, MeetingId, ItemId, MinutesId,
        SuggestionCaseId, OwnedCaseId, OwnershipId];

    /// <summary>Recuses <see cref="Recused"/> from the three cases and waits until every case service keeps them away.</summary>
    public async Task RecuseAsync()
    {
        var directory = new DirectoryService.DirectoryServiceClient(System.Directory.Channel);
        foreach (var (login, _) in Recused.Values)
            foreach (var caseId in new[] { CaseId, LegalCaseId, MeetingCaseId, SuggestionCaseId, OwnedCaseId })
                await directory.RecordRecusalAsync(new RecordRecusalRequest { Login = login, CaseId = caseId, Reason = "矩阵：利害关系" }, TokenOf(Administrator, true));
        var parties = Recused.Values.Select(r => "person:" + r.Login).ToArray();
        foreach (var service in new[] { System.Intake, System.Assignment, System.LegalDiversion, System.JointMeeting, System.Reporting })
            await Eventually.UntilAsync(() => service.CountAsync("SELECT count(*) FROM case_recusals WHERE party = ANY($1)", [parties]),
                n => n == parties.Length * 5, "every case service to keep the recused people away");
    }

    private async Task MakeSuggestionAndOwnershipAsync(Metadata clerk, Metadata bureau)
    {
        var intake = new IntakeService.IntakeServiceClient(System.Intake.Channel);
        var assignment = new AssignmentService.AssignmentServiceClient(System.Assignment.Channel);
        var suggestions = new SuggestionService.SuggestionServiceClient(System.Assignment.Channel);
        var suggestion = Petitions.Valid(region: Region, topic: "housing");
        suggestion.Category = Category.Suggestion;
        SuggestionCaseId = (await intake.RegisterPetitionAsync(suggestion, clerk)).CaseId;
        await Eventually.UntilAsync(() => assignment.GetCaseAsync(new GetCaseRequest { CaseId = SuggestionCaseId }, bureau).ResponseAsync,
            c => c.Case.Status == "suggestion", "the suggestion on its track");
        await suggestions.PassSuggestionAsync(new PassSuggestionRequest { CaseId = SuggestionCaseId, UnitCode = "xuanwu-housing-office" }, bureau);

        var longStanding = Petitions.Valid(region: Region, topic: "housing");
        longStanding.LongStandingPetitioner = true;
        OwnedCaseId = (await intake.RegisterPetitionAsync(longStanding, clerk)).CaseId;
        await Eventually.UntilAsync(() => assignment.GetCaseAsync(new GetCaseRequest { CaseId = OwnedCaseId }, bureau).ResponseAsync, c => c is not null,
            "the long-standing case to open");
        OwnershipId = (await new CaseOwnershipService.CaseOwnershipServiceClient(System.Assignment.Channel).TakeCaseOwnershipAsync(new TakeCaseOwnershipRequest
            { CaseId = OwnedCaseId, Plan = "包案化解", JointUnits = { "xuanwu-housing-office" } }, TokenOf(Leader, true))).Ownership.OwnershipId;
    }

    public static string Day(int daysAhead) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysAhead)).ToString("yyyy-MM-dd");
}
