using Coordination.Grpc.Intake;
using Coordination.IntegrationTests.Fixtures;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Coordination.IntegrationTests.Fixtures.CaseFlow;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// SearchPetitions finds a case by each criterion, only within the caller's scope (never for the accused unit's own
/// people), and walks a long result in pages whose signed tokens cannot be altered or carried to another search.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_petitions_are_searched(SystemFixture system)
{
    private IntakeService.IntakeServiceClient Intake => new(system.Intake.Channel);

    [Fact]
    public async Task A_case_is_found_by_each_criterion()
    {
        var name = UniqueName();
        var idNumber = IdNumbers.New();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour", idNumber: idNumber);
        request.Petitioners[0].Name = name;
        request.Petitioners[0].Phone = phone;
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        // Its status moves on as Assignment hands it over: search for it once it stands still.
        var petition = (await Eventually.UntilAsync(() => Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = registered.CaseId }, Callers.Clerk()).ResponseAsync,
            p => p.Petition.Status == "assigned", "the hand-over")).Petition;
        var at = petition.RegisteredAt.ToDateTimeOffset();
        Timestamp Around(int seconds) => Timestamp.FromDateTimeOffset(at.AddSeconds(seconds));

        var criteria = new Dictionary<string, SearchPetitionsRequest>
        {
            ["case number"] = new() { CaseNumber = registered.CaseNumber },
            ["petitioner name"] = new() { PetitionerName = name },
            ["identity number"] = new() { IdNumber = idNumber.ToLowerInvariant() },
            ["masked identity number"] = new() { IdNumber = petition.Petitioners[0].IdNumberMasked, RegisteredFrom = Around(-1), RegisteredTo = Around(1) },
            ["phone"] = new() { Phone = phone },
            ["topic and dates"] = new() { Topic = "labour", RegisteredFrom = Around(-1), RegisteredTo = Around(1), PageSize = 500 },
            ["region and dates"] = new() { RegionCode = "320106", RegisteredFrom = Around(-1), RegisteredTo = Around(1), PageSize = 500 },
            ["status and dates"] = new() { Status = "assigned", RegisteredFrom = Around(-1), RegisteredTo = Around(1), PageSize = 500 },
        };
        foreach (var (criterion, search) in criteria)
        {
            var found = await Intake.SearchPetitionsAsync(search, Callers.Clerk());
            Assert.True(found.Petitions.Any(p => p.CaseId == registered.CaseId), $"found by {criterion}");
        }

        // Each criterion narrows: a name, a topic, a region or dates that do not match find nothing of it.
        Assert.Empty((await Intake.SearchPetitionsAsync(new SearchPetitionsRequest { CaseNumber = registered.CaseNumber, PetitionerName = name + "甲" }, Callers.Clerk())).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(new SearchPetitionsRequest { CaseNumber = registered.CaseNumber, Topic = "housing" }, Callers.Clerk())).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(new SearchPetitionsRequest { CaseNumber = registered.CaseNumber, RegionCode = "320102" }, Callers.Clerk())).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(new SearchPetitionsRequest { PetitionerName = name, RegisteredFrom = Around(1) }, Callers.Clerk())).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(new SearchPetitionsRequest { PetitionerName = name, Status = "registered" }, Callers.Clerk())).Petitions);

        await Refused(() => Intake.SearchPetitionsAsync(new SearchPetitionsRequest { IdNumber = "3201021234", Status = "lost", RegisteredFrom = Around(1), RegisteredTo = Around(-1) },
            Callers.Clerk()).ResponseAsync, StatusCode.InvalidArgument, "id_number");
    }

    [Fact]
    public async Task Nobody_finds_a_case_outside_their_scope_and_the_accused_units_people_never_do()
    {
        var name = UniqueName();
        var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour");
        request.Petitioners[0].Name = name;
        var registered = await Intake.RegisterPetitionAsync(request, Callers.Clerk());
        var byName = new SearchPetitionsRequest { PetitionerName = name };
        await new CaseFlow(system.Assignment.Channel).AssignmentOfAsync(Guid.Parse(registered.CaseId));

        Assert.Single((await Intake.SearchPetitionsAsync(byName, Callers.Bureau())).Petitions);
        Assert.Single((await Intake.SearchPetitionsAsync(byName, Callers.Leader("nanjing-gov", "320100"))).Petitions);
        await Eventually.UntilAsync(() => Intake.SearchPetitionsAsync(byName, Unit).ResponseAsync, r => r.Petitions.Count == 1, "the unit it was handed to to find it");
        Assert.Empty((await Intake.SearchPetitionsAsync(byName, Callers.Department("xuanwu-housing-office"))).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(byName, Callers.Bureau("320500"))).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(byName, Callers.Clerk("suzhou-petition-bureau", "320500"))).Petitions);
        await Refused(() => Intake.SearchPetitionsAsync(new SearchPetitionsRequest { PetitionerName = name, RegionCode = "320100" }, Callers.Bureau("320500")).ResponseAsync,
            StatusCode.PermissionDenied);
        await Refused(() => Intake.SearchPetitionsAsync(byName, Callers.Committee()).ResponseAsync, StatusCode.PermissionDenied);

        // An accusation: the accused unit's leader covers the district, yet never finds it; another unit's leader there does.
        var accusation = Fixtures.Petitions.Valid(region: "320102", topic: "housing");
        accusation.Category = Category.Accusation;
        accusation.AccusedUnit = "Xuanwu Housing Office"; // any spelling is the unit
        accusation.Petitioners[0].Name = name;
        var accused = await Intake.RegisterPetitionAsync(accusation, Callers.Clerk());
        var number = new SearchPetitionsRequest { CaseNumber = accused.CaseNumber };
        Assert.Empty((await Intake.SearchPetitionsAsync(number, Callers.Leader("xuanwu-housing-office", "320102"))).Petitions);
        Assert.Empty((await Intake.SearchPetitionsAsync(byName, Callers.Leader("xuanwu-housing-office", "320102"))).Petitions);
        Assert.Single((await Intake.SearchPetitionsAsync(number, Callers.Leader("xuanwu-gov", "320102"))).Petitions);
        Assert.Equal(2, (await Intake.SearchPetitionsAsync(byName, Callers.Clerk())).Petitions.Count);
    }

    [Fact]
    public async Task Page_tokens_walk_a_long_result_without_gaps_or_repeats_and_a_tampered_one_is_refused()
    {
        var name = UniqueName();
        var registered = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var request = Fixtures.Petitions.Valid(region: "320106", topic: "labour");
            request.Petitioners[0].Name = name;
            registered.Add((await Intake.RegisterPetitionAsync(request, Callers.Clerk())).CaseId);
        }

        var seen = new List<string>();
        var search = new SearchPetitionsRequest { PetitionerName = name, PageSize = 5 };
        string? firstToken = null;
        var pages = 0;
        do
        {
            var page = await Intake.SearchPetitionsAsync(search, Callers.Clerk());
            seen.AddRange(page.Petitions.Select(p => p.CaseId));
            firstToken ??= page.NextPageToken;
            search.PageToken = page.NextPageToken;
            pages++;
        } while (search.PageToken.Length > 0);

        Assert.Equal(5, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(registered.Order(), seen.Order());
        var registeredAt = new List<DateTimeOffset>();
        foreach (var id in seen)
            registeredAt.Add((await Intake.GetPetitionAsync(new GetPetitionRequest { CaseId = id }, Callers.Clerk())).Petition.RegisteredAt.ToDateTimeOffset());
        Assert.Equal(registeredAt.OrderDescending(), registeredAt); // newest first

        var tampered = firstToken![..^3] + (firstToken[^3] == 'A' ? 'B' : 'A') + firstToken[^2..];
        foreach (var bad in new[] { tampered, Flip(firstToken, 2), "not-a-token", firstToken + "x" })
            await Refused(() => Intake.SearchPetitionsAsync(new SearchPetitionsRequest { PetitionerName = name, PageSize = 5, PageToken = bad }, Callers.Clerk()).ResponseAsync,
                StatusCode.InvalidArgument, "page_token");
        // A token belongs to its search and its caller.
        await Refused(() => Intake.SearchPetitionsAsync(new SearchPetitionsRequest { Topic = "labour", PageSize = 5, PageToken = firstToken }, Callers.Clerk()).ResponseAsync,
            StatusCode.InvalidArgument, "page_token");
        await Refused(() => Intake.SearchPetitionsAsync(new SearchPetitionsRequest { PetitionerName = name, PageSize = 5, PageToken = firstToken }, Callers.Bureau()).ResponseAsync,
            StatusCode.InvalidArgument, "page_token");
    }

    private static string Flip(string token, int index) => token[..index] + (token[index] == 'Q' ? 'R' : 'Q') + token[(index + 1)..];

    private static string UniqueName()
    {
        const string given = "建国海涛晓燕立新志强明静芳伟敏秀英丽军杰涛磊洋艳娟";
        return "查" + string.Concat(Enumerable.Range(0, 5).Select(_ => given[Random.Shared.Next(given.Length)]));
    }
}
