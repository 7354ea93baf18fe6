namespace Coordination.IntegrationTests.Authorization;

/// <summary>One method (gRPC, or an HTTP download of Reporting) and what each role gets from it.</summary>
public sealed record MatrixRow(string Service, string Method, string Subject, IReadOnlyDictionary<string, Access> Cells, Recusal Recused)
{
    public string Key => $"{Service}/{Method}";

    public Access For(string column) => Cells[column];
}
