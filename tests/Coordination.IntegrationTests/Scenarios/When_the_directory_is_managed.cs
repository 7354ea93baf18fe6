using Coordination.Contracts.Directory;
using Coordination.Grpc.Directory;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Rpc;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Scenarios;

[Collection(SystemCollection.Name)]
public sealed class When_the_directory_is_managed(SystemFixture system) : IDisposable
{
    private const string Password = "Test-Passw0rd-long";
    private readonly DirectorySignIn _directory = new(system);

    [Fact]
    public async Task A_bad_unit_is_refused_naming_each_bad_field()
    {
        var admin = await _directory.AdministratorAsync();
        var ex = await CaseFlow.Refused(() => _directory.Api.RegisterUnitAsync(new RegisterUnitRequest
        {
            Code = "Bad Code!", Name = "测试单位", Kind = "ministry", RegionCode = "320102", ParentCode = "no-such-unit",
        }, admin).ResponseAsync, StatusCode.InvalidArgument);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["code", "kind", "parent_code"], fields.Order().ToList());
    }

    [Fact]
    public async Task An_administrator_registers_a_unit_and_a_person_in_it()
    {
        var admin = await _directory.AdministratorAsync();
        var code = "xuanwu-test-office-" + Guid.NewGuid().ToString("N")[..6];
        var unit = (await _directory.Api.RegisterUnitAsync(new RegisterUnitRequest
        {
            Code = code, Name = "玄武区测试办公室" + code[^6..], Kind = UnitKinds.Department, RegionCode = "320102", ParentCode = "xuanwu-gov",
        }, admin)).Unit;
        Assert.Equal(1, unit.Version);
        await CaseFlow.Refused(() => _directory.Api.RegisterUnitAsync(new RegisterUnitRequest
        {
            Code = code, Name = "另一个名字" + code[^6..], Kind = UnitKinds.Department, RegionCode = "320102",
        }, admin).ResponseAsync, StatusCode.AlreadyExists);

        var changed = (await _directory.Api.ChangeUnitAsync(new ChangeUnitRequest { Code = code, Name = "玄武区更名办公室" + code[^6..] }, admin)).Unit;
        Assert.Equal(2, changed.Version);

        var login = await _directory.NewPersonAsync(Roles.Department, code, Password);
        var person = (await _directory.Api.GetPersonAsync(new GetPersonRequest { Login = login }, admin)).Person;
        Assert.Equal(code, person.UnitCode);
        var own = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(login, Password));
        Assert.Equal([login], (await _directory.Api.ListPeopleAsync(new ListPeopleRequest(), own)).People.Select(p => p.Login));
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_is_denied_every_write()
    {
        var clerk = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(
            await _directory.NewPersonAsync(Roles.Bureau, "nanjing-petition-bureau", Password), Password));
        await CaseFlow.Refused(() => _directory.Api.RegisterUnitAsync(new RegisterUnitRequest
        {
            Code = "not-allowed", Name = "不允许", Kind = UnitKinds.Department, RegionCode = "320100",
        }, clerk).ResponseAsync, StatusCode.PermissionDenied);
        await CaseFlow.Refused(() => _directory.Api.RegisterPersonAsync(new RegisterPersonRequest
        {
            Login = "not.allowed", Name = "不允许", UnitCode = "nanjing-petition-bureau", Role = Roles.Clerk, Password = Password,
        }, clerk).ResponseAsync, StatusCode.PermissionDenied);
        await CaseFlow.Refused(() => _directory.Api.ListUnitsAsync(new ListUnitsRequest(), new Metadata()).ResponseAsync, StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task Bad_person_fields_are_named()
    {
        var admin = await _directory.AdministratorAsync();
        var ex = await CaseFlow.Refused(() => _directory.Api.RegisterPersonAsync(new RegisterPersonRequest
        {
            Login = "X", Name = "", UnitCode = "no-such-unit", Role = "emperor", LeaderTitle = "", Password = "short",
        }, admin).ResponseAsync, StatusCode.InvalidArgument);
        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "login", "name", "unit_code", "role", "password" }, fields);
        // Text that is not well formed (a control character) is refused before any other check (ADR 17), and named.
        ex = await CaseFlow.Refused(() => _directory.Api.RegisterPersonAsync(new RegisterPersonRequest
        {
            Login = "x.name", Name = "名\u0001字", UnitCode = "nanjing-petition-bureau", Role = "clerk", LeaderTitle = "", Password = "Long-Enough-Passw0rd",
        }, admin).ResponseAsync, StatusCode.InvalidArgument);
        Assert.Equal(["name"], ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(" Xuanwu-Housing-Office ")]
    [InlineData("南京市玄武区住房和城乡建设局")]
    [InlineData("xuanwu housing office")] // the spellings every other service accepts for a unit field
    [InlineData("ＸＵＡＮＷＵ＿ＨＯＵＳＩＮＧ＿ＯＦＦＩＣＥ")]
    [InlineData("南京市玄武区 住房和城乡建设局")]
    public async Task Any_spelling_of_a_unit_finds_its_canonical_code(string spelling)
    {
        var reader = DirectorySignIn.Bearer(await _directory.AccessTokenAsync(
            await _directory.NewPersonAsync(Roles.Clerk, "nanjing-petition-bureau", Password), Password));
        var unit = (await _directory.Api.GetUnitAsync(new GetUnitRequest { Code = spelling }, reader)).Unit;
        Assert.Equal("xuanwu-housing-office", unit.Code);
        Assert.Equal("320102", unit.RegionCode);
        var inNanjing = (await _directory.Api.ListUnitsAsync(new ListUnitsRequest { RegionCode = "320100", Kind = UnitKinds.Court }, reader)).Units;
        Assert.Equal(["nanjing-intermediate-court", "qinhuai-court", "xuanwu-court"], inNanjing.Select(u => u.Code).Order().ToList());
    }

    [Fact]
    public async Task A_request_for_the_unit_directory_is_answered_with_the_seed()
    {
        var probe = new PublishProbe();
        var bus = system.Directory.App.Services.GetRequiredService<IBus>();
        using var observing = bus.ConnectPublishObserver(probe);
        await bus.Publish(new UnitDirectoryRequested { Service = "test", OccurredAt = DateTimeOffset.UtcNow });
        var answer = await Eventually.UntilAsync(() => Task.FromResult(probe.Of<UnitDirectoryPublished>().FirstOrDefault()), a => a is not null,
            "UnitDirectoryPublished");
        var codes = answer!.Units.Select(u => u.Code).ToHashSet();
        string[] expected = ["jiangsu-petition-bureau", "nanjing-gov", "xuanwu-housing-office", "gulou-petition-office", "wuxi-petition-office",
            "zhenjiang-gov", "nanjing-labour-arbitration", "suzhou-intermediate-court", "xuanwu-peoples-mediation"];
        Assert.All(expected, c => Assert.Contains(c, codes));
        Assert.Equal(UnitKinds.ArbitrationCommission, answer.Units.Single(u => u.Code == "nanjing-labour-arbitration").Kind);
    }

    public void Dispose() => _directory.Dispose();
}
