using Coordination.Grpc.Assignment;
using Coordination.Grpc.Directory;
using Coordination.Grpc.Intake;
using Coordination.Grpc.JointMeeting;
using Coordination.Grpc.LegalDiversion;
using Coordination.Grpc.Operations;
using Coordination.IntegrationTests.Authorization;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Page tokens on every list method (issue 16, ADR 23): walking a list a page at a time gives exactly the rows of the
/// whole list, in its order, with no gaps or repeats; a tampered token, one of another list and one of other filters
/// are InvalidArgument naming page_token.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_every_list_is_paged(SystemFixture system) : IDisposable
{
    private const string Password = "Test-Passw0rd-long";
    private static readonly Metadata Committee = Callers.Committee("320100");
    private static readonly Metadata Nanjing = Callers.As(Roles.Bureau, "nanjing-petition-bureau", "320100");
    private readonly DirectorySignIn _directory = new(system);
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);
    private LegalDiversionService.LegalDiversionServiceClient Legal => new(system.LegalDiversion.Channel);
    private JointMeetingService.JointMeetingServiceClient Meetings => new(system.JointMeeting.Channel);
    private CaseFlow Flow => new(system.Assignment.Channel);

    private delegate Task<(IReadOnlyList<string> Ids, string Next)> Lister(int size, string token);

    [Fact]
    public async Task Assignments_deadlines_and_petitions_are_walked_without_gaps_or_repeats()
    {
        var accepted = await Flow.AcceptedAsync(await Flow.AssignedAsync(system.Intake.Channel));
        for (var i = 0; i < 3; i++) await Flow.AssignedAsync(system.Intake.Channel);

        await WalkAsync("ListAssignments", async (size, token) =>
        {
            var r = await Flow.Api.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = size, PageToken = token }, CaseFlow.Unit);
            return (r.Assignments.Select(a => a.AssignmentId).ToList(), r.NextPageToken);
        }, atLeast: 4);
        await WalkAsync("ListDeadlines", async (size, token) =>
        {
            var r = await Flow.Api.ListDeadlinesAsync(new ListDeadlinesRequest { CaseId = accepted.CaseId, PageSize = size, PageToken = token }, CaseFlow.Bureau);
            return (r.Deadlines.Select(d => $"{d.Step}|{d.AssignmentId}|{d.DueAt}").ToList(), r.NextPageToken);
        }, size: 1, atLeast: 2);
        await WalkAsync("ListPetitions", async (size, token) =>
        {
            var r = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320106", PageSize = size, PageToken = token }, Nanjing);
            return (r.Petitions.Select(p => p.CaseId).ToList(), r.NextPageToken);
        }, atLeast: 4);
        await WalkAsync("ListTopics", async (size, token) =>
        {
            var r = await Intake.ListTopicsAsync(new ListTopicsRequest { PageSize = size, PageToken = token }, Nanjing);
            return (r.Topics.Select(t => t.Code).ToList(), r.NextPageToken);
        });

        // A token is bound to its filters: the pending-only list refuses a token of the full list.
        var full = await Flow.Api.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 1 }, CaseFlow.Unit);
        await CaseFlow.Refused(() => Flow.Api.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 1, PageToken = full.NextPageToken, PendingOnly = true },
            CaseFlow.Unit).ResponseAsync, StatusCode.InvalidArgument, "page_token");
        // and to its list: a petitions token is no assignments token.
        var petitions = await Intake.ListPetitionsAsync(new ListPetitionsRequest { RegionCode = "320106", PageSize = 1 }, Nanjing);
        await CaseFlow.Refused(() => Flow.Api.ListAssignmentsAsync(new ListAssignmentsRequest { PageSize = 1, PageToken = petitions.NextPageToken },
            CaseFlow.Unit).ResponseAsync, StatusCode.InvalidArgument, "page_token");
    }

    [Fact]
    public async Task Major_events_and_accountability_files_are_walked_without_gaps_or_repeats()
    {
        var events = new MajorEventService.MajorEventServiceClient(system.Assignment.Channel);
        var files = new AccountabilityService.AccountabilityServiceClient(system.Assignment.Channel);
        for (var i = 0; i < 3; i++)
        {
            var caseId = (await Flow.AssignedAsync(system.Intake.Channel)).CaseId;
            await events.OpenMajorEventAsync(new OpenMajorEventRequest { CaseId = caseId, Kind = "collective_visit", Title = "集体访 " + i }, Nanjing);
            await AccountabilityFiles.OpenedAsync(system.Assignment, caseId, "320106", CaseFlow.LabourBureau);
        }

        await WalkAsync("ListMajorEvents", async (size, token) =>
        {
            var r = await events.ListMajorEventsAsync(new ListMajorEventsRequest { PageSize = size, PageToken = token }, Nanjing);
            return (r.MajorEvents.Select(m => m.MajorEventId).ToList(), r.NextPageToken);
        });
        await WalkAsync("ListAccountabilityFiles", async (size, token) =>
        {
            var r = await files.ListAccountabilityFilesAsync(new ListAccountabilityFilesRequest { RegionCode = "320106", PageSize = size, PageToken = token }, Nanjing);
            return (r.Files.Select(f => f.FileId).ToList(), r.NextPageToken);
        });
    }

    [Fact]
    public async Task Referrals_institutions_orders_and_meetings_are_walked_without_gaps_or_repeats()
    {
        var referrals = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var request = Petitions.Valid(region: "320102", topic: "housing");
            request.LawRelated = true;
            var caseId = (await Intake.RegisterPetitionAsync(request, Callers.Clerk())).CaseId;
            referrals.Add((await Eventually.UntilAsync(() => Legal.ListReferralsAsync(new ListReferralsRequest { CaseId = caseId }, Committee).ResponseAsync,
                r => r.Referrals.Count == 1, "the referral to open")).Referrals[0].ReferralId);
        }
        await Legal.ReferCaseAsync(new ReferCaseRequest { ReferralId = referrals[0], Channel = "court_litigation", InstitutionCode = "xuanwu-court" }, Committee);
        for (var i = 0; i < 3; i++)
            await Legal.IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
            {
                ReferralId = referrals[0], AddresseeCode = "xuanwu-court", Content = "请依法及时立案 " + i, DueDate = MatrixWorld.Day(20 + i),
            }, Committee);
        for (var i = 0; i < 3; i++)
        {
            var crossRegion = Petitions.Valid(region: "320102", topic: "housing");
            crossRegion.OtherRegionCodes.Add("321100"); // a cross-region case goes to a joint meeting
            var caseId = (await Intake.RegisterPetitionAsync(crossRegion, Callers.Clerk())).CaseId;
            await Eventually.UntilAsync(() => Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId }, Nanjing).ResponseAsync,
                r => r.Meetings.Count == 1, "the meeting to be proposed");
        }

        await WalkAsync("ListReferrals", async (size, token) =>
        {
            var r = await Legal.ListReferralsAsync(new ListReferralsRequest { PageSize = size, PageToken = token }, Committee);
            return (r.Referrals.Select(x => x.ReferralId).ToList(), r.NextPageToken);
        });
        await WalkAsync("ListInstitutions", async (size, token) =>
        {
            var r = await Legal.ListInstitutionsAsync(new ListInstitutionsRequest { PageSize = size, PageToken = token }, Committee);
            return (r.Institutions.Select(x => x.Code).ToList(), r.NextPageToken);
        });
        await WalkAsync("ListSupervisionOrders", async (size, token) =>
        {
            var r = await Legal.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest { ReferralId = referrals[0], PageSize = size, PageToken = token }, Committee);
            return (r.Orders.Select(x => x.OrderId).ToList(), r.NextPageToken);
        });
        await WalkAsync("ListMeetings", async (size, token) =>
        {
            var r = await Meetings.ListMeetingsAsync(new ListMeetingsRequest { PageSize = size, PageToken = token }, Nanjing);
            return (r.Meetings.Select(x => x.MeetingId).ToList(), r.NextPageToken);
        });
    }

    [Fact]
    public async Task Suggestions_and_owned_cases_are_walked_without_gaps_or_repeats()
    {
        var suggestions = new SuggestionService.SuggestionServiceClient(system.Assignment.Channel);
        var owners = new CaseOwnershipService.CaseOwnershipServiceClient(system.Assignment.Channel);
        var leader = Callers.Leader("nanjing-land-bureau", "320100");
        var owned = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var suggestion = Petitions.Valid(region: "320104", topic: "education");
            suggestion.Category = Category.Suggestion;
            await Intake.RegisterPetitionAsync(suggestion, Callers.Clerk());
            var longStanding = Petitions.Valid(region: "320104", topic: "education");
            longStanding.LongStandingPetitioner = true;
            owned.Add((await Intake.RegisterPetitionAsync(longStanding, Callers.Clerk())).CaseId);
        }
        foreach (var caseId in owned)
            await Eventually.UntilAsync(() => owners.TakeCaseOwnershipAsync(new TakeCaseOwnershipRequest
                { CaseId = caseId, Plan = "包案化解", JointUnits = { "nanjing-land-bureau" } }, leader).ResponseAsync, o => o is not null, "the case to open and be owned");
        await Eventually.UntilAsync(() => suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { RegionCode = "320104", PageSize = 500 }, Nanjing).ResponseAsync,
            r => r.Suggestions.Count >= 3, "three suggestions");

        await WalkAsync("ListSuggestions", async (size, token) =>
        {
            var r = await suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { RegionCode = "320104", PageSize = size, PageToken = token }, Nanjing);
            return (r.Suggestions.Select(x => x.CaseId).ToList(), r.NextPageToken);
        });
        await WalkAsync("ListOwnedCases", async (size, token) =>
        {
            var r = await owners.ListOwnedCasesAsync(new ListOwnedCasesRequest { PageSize = size, PageToken = token }, leader);
            return (r.Ownerships.Select(x => x.OwnershipId).ToList(), r.NextPageToken);
        });
        // A suggestions token is bound to its filters.
        var first = await suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { RegionCode = "320104", PageSize = 1 }, Nanjing);
        await CaseFlow.Refused(() => suggestions.ListSuggestionsAsync(new ListSuggestionsRequest { RegionCode = "320104", Status = "passed", PageSize = 1,
            PageToken = first.NextPageToken }, Nanjing).ResponseAsync, StatusCode.InvalidArgument, "page_token");
    }

    [Fact]
    public async Task Units_people_and_quarantined_messages_are_walked_without_gaps_or_repeats()
    {
        var admin = await _directory.AdministratorAsync();
        for (var i = 0; i < 3; i++) await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password);
        var clerk = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password), Password));

        await WalkAsync("ListUnits", async (size, token) =>
        {
            var r = await _directory.Api.ListUnitsAsync(new ListUnitsRequest { RegionCode = "320100", PageSize = size, PageToken = token }, admin);
            return (r.Units.Select(u => u.Code).ToList(), r.NextPageToken);
        });
        await WalkAsync("ListPeople", async (size, token) =>
        {
            var r = await _directory.Api.ListPeopleAsync(new ListPeopleRequest { UnitCode = "nanjing-petition-bureau", PageSize = size, PageToken = token }, admin);
            return (r.People.Select(p => p.Login).ToList(), r.NextPageToken);
        }, atLeast: 4);
        // A clerk sees only its own unit's people: pages are filled from the rows after the ones it may not see.
        await WalkAsync("ListPeople (a clerk's own unit)", async (size, token) =>
        {
            var r = await _directory.Api.ListPeopleAsync(new ListPeopleRequest { PageSize = size, PageToken = token }, clerk);
            Assert.All(r.People, p => Assert.Equal("nanjing-petition-bureau", p.UnitCode));
            return (r.People.Select(p => p.Login).ToList(), r.NextPageToken);
        }, atLeast: 4);

        var outbox = new OutboxService.OutboxServiceClient(system.Intake.Channel);
        var quarantined = await outbox.ListQuarantinedMessagesAsync(new ListQuarantinedMessagesRequest { PageSize = 2 }, Callers.Administrator());
        await CaseFlow.Refused(() => outbox.ListQuarantinedMessagesAsync(new ListQuarantinedMessagesRequest { PageSize = 2, PageToken = "garbage!" },
            Callers.Administrator()).ResponseAsync, StatusCode.InvalidArgument, "page_token");
        Assert.True(quarantined.Messages.Count <= 2);
    }

    /// <summary>
    /// The whole list in one page, then a walk of <paramref name="size"/> at a time: the same ids in the same order; the
    /// first page's token changed by one character, or garbage, is InvalidArgument naming page_token.
    /// </summary>
    private static async Task WalkAsync(string list, Lister page, int size = 2, int atLeast = 3)
    {
        var whole = await page(500, "");
        Assert.True(whole.Next == "", $"{list}: more than 500 rows, the test cannot compare a walk with the whole list");
        Assert.True(whole.Ids.Count >= atLeast, $"{list}: only {whole.Ids.Count} rows");
        var walked = new List<string>();
        var (token, first, pages) = ("", "", 0);
        do
        {
            var (ids, next) = await page(size, token);
            Assert.True(ids.Count <= size, $"{list}: a page of {ids.Count} for a page_size of {size}");
            Assert.True(ids.Count == size || next == "", $"{list}: a short page before the last");
            walked.AddRange(ids);
            if (pages++ == 0) first = next;
            token = next;
        } while (token != "" && pages < 1000);
        Assert.Equal(whole.Ids, walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());

        var middle = first.Length / 2;
        var tampered = first[..middle] + (first[middle] == 'A' ? 'B' : 'A') + first[(middle + 1)..];
        foreach (var bad in new[] { tampered, "garbage!" })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => page(size, bad));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Contains("page_token", ex.Status.Detail);
        }
    }

    public void Dispose() => _directory.Dispose();
}
