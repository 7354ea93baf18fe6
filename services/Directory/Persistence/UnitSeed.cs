using Coordination.Directory.Domain;
using K = Coordination.Contracts.Directory.UnitKinds;

namespace Coordination.Directory.Persistence;

/// <summary>
/// The first directory: a slice of Jiangsu (the province, Nanjing and Suzhou with their districts, Wuxi and Zhenjiang),
/// with the codes other services and tests already use. Parents come before their children.
/// </summary>
public static class UnitSeed
{
    public static IReadOnlyList<Unit> Units(DateTimeOffset now)
    {
        var units = new List<Unit>();
        void Add(string code, string name, string kind, string region, string? parent = null) =>
            units.Add(new Unit { Code = code, Name = name, Kind = kind, RegionCode = region, ParentCode = parent, ChangedAt = now });

        // County-level cities (常熟市) carry no city prefix. The four offices every city and district has: party committee, government, its petition bureau, its political-legal committee.
        void Offices(string slug, string place, string region, string? parentSlug, string petitionCode, string petitionName)
        {
            Add($"{slug}-party-committee", $"中共{place}委员会", K.PartyCommittee, region, parentSlug is null ? null : $"{parentSlug}-party-committee");
            Add($"{slug}-gov", $"{place}人民政府", K.Government, region, parentSlug is null ? null : $"{parentSlug}-gov");
            Add(petitionCode, petitionName, K.PetitionBureau, region, $"{slug}-gov");
            Add($"{slug}-political-legal-committee", $"中共{place}委政法委员会", K.PoliticalLegalCommittee, region, $"{slug}-party-committee");
        }
        void District(string city, string cityName, string slug, string name, string region) =>
            Offices(slug, cityName + name, region, city, $"{slug}-petition-office", $"{cityName}{name}信访局");

        Offices("jiangsu", "江苏省", "320000", null, "jiangsu-petition-bureau", "江苏省信访局");
        Add("jiangsu-environment-department", "江苏省生态环境厅", K.Department, "320000", "jiangsu-gov");

        Offices("nanjing", "南京市", "320100", "jiangsu", "nanjing-petition-bureau", "南京市信访局");
        Add("nanjing-housing-bureau", "南京市住房保障和房产局", K.Department, "320100", "nanjing-gov");
        Add("nanjing-hr-bureau", "南京市人力资源和社会保障局", K.Department, "320100", "nanjing-gov");
        Add("nanjing-labour-bureau", "南京市劳动保障监察支队", K.Department, "320100", "nanjing-hr-bureau");
        Add("nanjing-land-bureau", "南京市规划和自然资源局", K.Department, "320100", "nanjing-gov");
        Add("nanjing-environment-bureau", "南京市生态环境局", K.Department, "320100", "nanjing-gov");
        Add("nanjing-culture-bureau", "南京市文化和旅游局", K.Department, "320100", "nanjing-gov");
        District("nanjing", "南京市", "xuanwu", "玄武区", "320102");
        District("nanjing", "南京市", "qinhuai", "秦淮区", "320104");
        District("nanjing", "南京市", "jianye", "建邺区", "320105");
        District("nanjing", "南京市", "gulou", "鼓楼区", "320106");
        District("nanjing", "南京市", "pukou", "浦口区", "320111");
        District("nanjing", "南京市", "qixia", "栖霞区", "320113");
        District("nanjing", "南京市", "yuhuatai", "雨花台区", "320114");
        District("nanjing", "南京市", "jiangning", "江宁区", "320115");
        District("nanjing", "南京市", "luhe", "六合区", "320116");
        District("nanjing", "南京市", "lishui", "溧水区", "320117");
        District("nanjing", "南京市", "gaochun", "高淳区", "320118");
        Add("xuanwu-housing-office", "南京市玄武区住房和城乡建设局", K.Department, "320102", "xuanwu-gov");

        // Legal institutions (诉访分离): courts, procuratorate, police, arbitration, reconsideration, mediation, legal aid.
        Add("nanjing-intermediate-court", "南京市中级人民法院", K.Court, "320100");
        Add("xuanwu-court", "玄武区人民法院", K.Court, "320102", "nanjing-intermediate-court");
        Add("qinhuai-court", "秦淮区人民法院", K.Court, "320104", "nanjing-intermediate-court");
        Add("nanjing-procuratorate", "南京市人民检察院", K.Procuratorate, "320100");
        Add("nanjing-public-security", "南京市公安局", K.PublicSecurity, "320100", "nanjing-gov");
        Add("nanjing-labour-arbitration", "南京市劳动人事争议仲裁委员会", K.ArbitrationCommission, "320100", "nanjing-hr-bureau");
        Add("nanjing-reconsideration", "南京市人民政府行政复议办公室", K.ReconsiderationOffice, "320100", "nanjing-gov");
        Add("nanjing-admin-mediation", "南京市行政调解中心", K.MediationCommittee, "320100", "nanjing-gov");
        Add("xuanwu-peoples-mediation", "玄武区人民调解委员会", K.MediationCommittee, "320102", "xuanwu-gov");
        Add("nanjing-legal-aid", "南京市法律援助中心", K.LegalAid, "320100", "nanjing-gov");

        Offices("suzhou", "苏州市", "320500", "jiangsu", "suzhou-petition-bureau", "苏州市信访局");
        District("suzhou", "苏州市", "huqiu", "虎丘区", "320505");
        District("suzhou", "苏州市", "wuzhong", "吴中区", "320506");
        District("suzhou", "苏州市", "xiangcheng", "相城区", "320507");
        District("suzhou", "苏州市", "gusu", "姑苏区", "320508");
        District("suzhou", "苏州市", "wujiang", "吴江区", "320509");
        District("suzhou", "", "changshu", "常熟市", "320581");
        District("suzhou", "", "kunshan", "昆山市", "320583");
        Add("suzhou-intermediate-court", "苏州市中级人民法院", K.Court, "320500");

        Offices("wuxi", "无锡市", "320200", "jiangsu", "wuxi-petition-office", "无锡市信访局");
        Add("wuxi-land", "无锡市自然资源和规划局", K.Department, "320200", "wuxi-gov");
        Add("wuxi-general", "无锡市人民政府办公室", K.Department, "320200", "wuxi-gov");

        Offices("zhenjiang", "镇江市", "321100", "jiangsu", "zhenjiang-petition-bureau", "镇江市信访局");
        return units;
    }
}
