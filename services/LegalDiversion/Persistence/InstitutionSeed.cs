using Coordination.LegalDiversion.Domain;

namespace Coordination.LegalDiversion.Persistence;

/// <summary>The first institution directory, shipped as migration data; later ones are added as rows.</summary>
public static class InstitutionSeed
{
    public static readonly Institution[] Institutions =
    [
        new() { Code = "nanjing-intermediate-court", Name = "南京市中级人民法院", Channel = "court_appeal", RegionCode = "320100" },
        new() { Code = "xuanwu-court", Name = "玄武区人民法院", Channel = "court_litigation", RegionCode = "320102" },
        new() { Code = "qinhuai-court", Name = "秦淮区人民法院", Channel = "court_litigation", RegionCode = "320104" },
        new() { Code = "nanjing-procuratorate", Name = "南京市人民检察院", Channel = "procuratorate", RegionCode = "320100" },
        new() { Code = "nanjing-public-security", Name = "南京市公安局", Channel = "public_security", RegionCode = "320100" },
        new() { Code = "nanjing-labour-arbitration", Name = "南京市劳动人事争议仲裁委员会", Channel = "arbitration", RegionCode = "320100" },
        new() { Code = "nanjing-reconsideration", Name = "南京市人民政府行政复议办公室", Channel = "administrative_reconsideration", RegionCode = "320100" },
        new() { Code = "nanjing-admin-mediation", Name = "南京市行政调解中心", Channel = "administrative_mediation", RegionCode = "320100" },
        new() { Code = "xuanwu-peoples-mediation", Name = "玄武区人民调解委员会", Channel = "peoples_mediation", RegionCode = "320102" },
        new() { Code = "nanjing-legal-aid", Name = "南京市法律援助中心", Channel = "legal_aid", RegionCode = "320100" },
        new() { Code = "suzhou-intermediate-court", Name = "苏州市中级人民法院", Channel = "court_appeal", RegionCode = "320500" },
    ];
}
