using System.Text.RegularExpressions;
using Coordination.Grpc.Intake;
using Grpc.Core;

namespace Coordination.Cli;

/// <summary>A case number (320102-2026-000123) wherever a case id goes: found with SearchPetitions, in the caller's scope.</summary>
public static partial class CaseNumbers
{
    public static bool IsCaseNumber(string text) => Pattern().IsMatch(text.Trim());

    public static async Task<string> ResolveAsync(string idOrNumber, Metadata headers)
    {
        if (!IsCaseNumber(idOrNumber)) return idOrNumber;
        var intake = new IntakeService.IntakeServiceClient(Endpoints.Channel("intake"));
        var found = await intake.SearchPetitionsAsync(new SearchPetitionsRequest { CaseNumber = idOrNumber.Trim(), PageSize = 1 }, headers);
        return found.Petitions.FirstOrDefault()?.CaseId
            ?? throw new UsageException($"no case {idOrNumber.Trim()} that you may see");
    }

    [GeneratedRegex(@"^\d{6}-\d{4}-\d{6}$")]
    private static partial Regex Pattern();
}
