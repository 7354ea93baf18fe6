using Coordination.Grpc.Intake;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Valid registration requests to vary per test.</summary>
public static class Petitions
{
    public static RegisterPetitionRequest Valid(string region = "320102", string topic = "housing", string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString("N"),
        Channel = Channel.Visit,
        RegionCode = region,
        Category = Category.Grievance,
        Topic = topic,
        Summary = "拆迁补偿款未按协议支付 (relocation compensation unpaid)",
        Petitioners = { new Petitioner { Name = "张三", IdNumber = "11010519491231002X", Phone = "13800000000" } },
    };
}
