using Coordination.Grpc.Directory;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>Tokens from the real sign-in open the five services; a deactivated person's stop working everywhere.</summary>
[Collection(SystemCollection.Name)]
public sealed class When_signed_in_people_call_the_services(SystemFixture system) : IDisposable
{
    private const string Password = "Test-Passw0rd-long";
    private readonly DirectorySignIn _directory = new(system);

    public static TheoryData<string, string> People => new()
    {
        { Roles.Clerk, "nanjing-petition-bureau" }, { Roles.Department, "xuanwu-housing-office" },
        { Roles.Committee, "nanjing-political-legal-committee" }, { Roles.Institution, "xuanwu-court" },
        { Roles.Bureau, "nanjing-petition-bureau" }, { Roles.Leader, "nanjing-gov" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Each_role_signed_in_by_password_is_authenticated_by_all_five(string role, string unit)
    {
        var login = await _directory.NewPersonAsync(role, unit, Password, role == Roles.Leader ? "副市长" : "");
        var bearer = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(login, Password));
        foreach (var service in ServiceCalls.Services)
            Assert.NotEqual(StatusCode.Unauthenticated, await ServiceCalls.StatusOf(system, service, bearer));
        // The clerk's registration went through as that person.
        if (role == Roles.Clerk) Assert.Equal(StatusCode.OK, await ServiceCalls.StatusOf(system, "intake", bearer));
    }

    [Fact]
    public async Task A_deactivated_persons_token_is_refused_by_all_five()
    {
        var login = await _directory.NewPersonAsync(Roles.Bureau, "nanjing-petition-bureau", Password);
        var bearer = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(login, Password));
        foreach (var service in ServiceCalls.Services)
            Assert.NotEqual(StatusCode.Unauthenticated, await ServiceCalls.StatusOf(system, service, bearer));

        await _directory.Api.DeactivatePersonAsync(new DeactivatePersonRequest { Login = login }, await _directory.AdministratorAsync());

        foreach (var service in ServiceCalls.Services)
            await Eventually.UntilAsync(() => ServiceCalls.StatusOf(system, service, bearer), s => s == StatusCode.Unauthenticated,
                $"{service} to refuse the deactivated person's token");
    }

    [Fact]
    public async Task A_signed_in_leader_signs_off_under_their_own_name()
    {
        var flow = new CaseFlow(system.Assignment.Channel);
        var a = await flow.AcceptedAsync(await flow.AssignedAsync(system.Intake.Channel, r => r.LeaderInstructed = true));
        await flow.Api.SubmitReportAsync(new Grpc.Assignment.SubmitReportRequest { AssignmentId = a.AssignmentId, Outcome = "explained", Answer = "政策解释" }, CaseFlow.Unit);
        var login = await _directory.NewPersonAsync(Roles.Leader, CaseFlow.LabourBureau, Password, "局长");
        var signed = await flow.Api.SignOffReportAsync(new Grpc.Assignment.SignOffReportRequest { AssignmentId = a.AssignmentId },
            DirectorySignIn.Bearer(await _directory.AccessTokenAsync(login, Password)));
        Assert.Equal("测试用户（局长）", signed.Assignment.SignedOffBy);
    }

    [Fact]
    public async Task A_unit_the_administrator_adds_is_known_everywhere_and_once_deactivated_refused()
    {
        var code = "test-office-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await _directory.AdministratorAsync();
        await _directory.Api.RegisterUnitAsync(new RegisterUnitRequest
            { Code = code, Name = "测试办公室" + code[^8..], Kind = "department", RegionCode = "320102", ParentCode = "xuanwu-gov" }, admin);
        var intake = new Grpc.Intake.IntakeService.IntakeServiceClient(system.Intake.Channel);
        Grpc.Intake.RegisterPetitionRequest Accusing(string unit)
        {
            var request = Petitions.Valid(region: "320102", topic: "housing");
            request.Category = Grpc.Intake.Category.Accusation;
            request.AccusedUnit = unit;
            return request;
        }
        var registered = await Eventually.UntilAsync(() => intake.RegisterPetitionAsync(Accusing(code.ToUpperInvariant()), Callers.Clerk()).ResponseAsync,
            r => r.CaseId.Length > 0, $"Intake to know {code}");
        Assert.Equal(code, (await intake.GetPetitionAsync(new Grpc.Intake.GetPetitionRequest { CaseId = registered.CaseId }, Callers.Bureau())).Petition.AccusedUnit);

        await _directory.Api.ChangeUnitAsync(new ChangeUnitRequest { Code = code, Active = false }, admin);
        var refused = await Eventually.UntilAsync(async () =>
        {
            try
            {
                await intake.RegisterPetitionAsync(Accusing(code), Callers.Clerk());
                return null;
            }
            catch (RpcException ex)
            {
                return ex;
            }
        }, ex => ex is not null, $"Intake to refuse the deactivated {code}", TimeSpan.FromSeconds(40));
        Assert.Equal(StatusCode.InvalidArgument, refused!.StatusCode);
        Assert.Contains($"accused_unit: unit {code}", refused.Status.Detail);
        Assert.Contains("is no longer active", refused.Status.Detail);
    }

    public void Dispose() => _directory.Dispose();
}
