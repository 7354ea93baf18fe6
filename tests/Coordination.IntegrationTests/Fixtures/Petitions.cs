using Coordination.Intake.Domain;
using Coordination.Grpc.Intake;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Valid registration requests to vary per test; each by a new person unless told otherwise.</summary>
public static class Petitions
{
    public const string Summary = "拆迁补偿款未按协议支付，要求按协议足额补偿 (relocation compensation unpaid)";

    public static RegisterPetitionRequest Valid(string region = "320102", string topic = "housing", string? requestId = null,
        string? idNumber = null, string summary = Summary) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString("N"),
        Channel = Channel.Visit,
        RegionCode = region,
        Category = Category.Grievance,
        Topic = topic,
        Summary = summary,
        Petitioners = { Person(idNumber) },
    };

    public static Petitioner Person(string? idNumber = null, string name = "张三", bool representative = false) =>
        new() { Name = name, IdNumber = idNumber ?? IdNumbers.New(), Phone = "13800000000", Representative = representative };
}

/// <summary>Random but valid 18-character identity numbers (GB 11643 check character).</summary>
public static class IdNumbers
{
    public static string New()
    {
        var body = "320102" + new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 25000)).ToString("yyyyMMdd") + Random.Shared.Next(0, 1000).ToString("D3");
        return body + IdentityNumbers.CheckCharacter(body);
    }
}
