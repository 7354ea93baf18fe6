namespace Coordination.ServiceDefaults.Grpc;

/// <summary>
/// One page asked for: how many rows, and after which key (null: the first page). <see cref="Fetch"/> rows are read, one
/// more than the page, so <see cref="PageTokens.Page{T}"/> can tell whether another page follows.
/// </summary>
public sealed record PageRequest(int Size, PageKey? After, string Query)
{
    public int Fetch => Size + 1;
}
