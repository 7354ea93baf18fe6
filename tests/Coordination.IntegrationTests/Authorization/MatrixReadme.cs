using Coordination.IntegrationTests.Fixtures;
using System.Text;

namespace Coordination.IntegrationTests.Authorization;

/// <summary>The matrix as the README shows it, between its two markers; `COORDINATION_WRITE_MATRIX=1` writes it there.</summary>
public static class MatrixReadme
{
    public const string Begin = "<!-- access-matrix:begin (generated from tests/Coordination.IntegrationTests/Authorization/AccessMatrix.cs) -->";
    public const string End = "<!-- access-matrix:end -->";

    public static string Render()
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine("In scope: the caller's own unit, or a region or case of its jurisdiction; out of scope: another unit's, another city's.");
        md.AppendLine("Each cell: in scope / out of scope.").AppendLine();
        foreach (var (access, meaning) in Access.Legend) md.AppendLine($"- `{access.Symbol}` {meaning}");
        md.AppendLine().AppendLine("The last column, *recused*, is what a person of an allowed role gets about a case they are recused from (回避, ADR 30; the");
        md.AppendLine("accused unit's staff are recused from its accusations):").AppendLine();
        foreach (var (recusal, meaning) in Recusal.Legend) md.AppendLine($"- `{recusal.Symbol}` {meaning}");
        foreach (var service in AccessMatrix.Rows.GroupBy(r => r.Service))
        {
            md.AppendLine().AppendLine($"**{service.Key}**").AppendLine();
            md.AppendLine($"| method | scope | {string.Join(" | ", AccessMatrix.Columns)} | recused |");
            md.AppendLine($"|---|---|{string.Concat(AccessMatrix.Columns.Select(_ => "---|"))}---|");
            foreach (var row in service)
                md.AppendLine($"| `{row.Method}` | {row.Subject} | {string.Join(" | ", AccessMatrix.Columns.Select(c => row.For(c).Symbol))} | {row.Recused.Symbol} |");
        }
        md.Append(End);
        return md.ToString();
    }

    public static string ReadmePath() => Checkout.Path("README.md");

    /// <summary>The README's section between the markers, or null when it has none.</summary>
    public static string? Section(string readme)
    {
        int from = readme.IndexOf(Begin, StringComparison.Ordinal), to = readme.IndexOf(End, StringComparison.Ordinal);
        return from < 0 || to < from ? null : readme[from..(to + End.Length)];
    }
}
