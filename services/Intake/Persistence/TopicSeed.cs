using Coordination.Intake.Domain;

namespace Coordination.Intake.Persistence;

/// <summary>The first topic catalogue, shipped as migration data; later entries are added as rows.</summary>
public static class TopicSeed
{
    public static readonly Topic[] Topics =
    [
        new() { Code = "housing", Name = "城乡建设与住房 (housing and relocation)" },
        new() { Code = "land", Name = "国土资源 (land)" },
        new() { Code = "labour", Name = "劳动和社会保障 (labour and social security)" },
        new() { Code = "environment", Name = "生态环境 (environment)" },
        new() { Code = "water pollution", Name = "水污染 (water pollution)" },
        new() { Code = "agriculture", Name = "农村农业 (agriculture and rural affairs)" },
        new() { Code = "health", Name = "卫生健康 (health)" },
        new() { Code = "education", Name = "教育 (education)" },
        new() { Code = "transport", Name = "交通运输 (transport)" },
        new() { Code = "public security", Name = "公安 (public security)" },
        new() { Code = "contract dispute", Name = "合同纠纷 (contract dispute)" },
        new() { Code = "judicial", Name = "政法 (courts and procuratorates)" },
        new() { Code = "discipline", Name = "纪检监察 (official misconduct)" },
        new() { Code = "tourism", Name = "文化旅游 (culture and tourism)" },
        new() { Code = "other", Name = "其他 (other)" },
    ];
}
