namespace Coordination.ServiceDefaults.Grpc;

/// <summary>What one part of a page key holds; a token whose part does not read as its kind is refused.</summary>
public enum PagePart
{
    /// <summary>A UTC instant, kept to the tick.</summary>
    Time,
    /// <summary>A UUID.</summary>
    Id,
    /// <summary>Any text (a code, a login, a name).</summary>
    Text,
    /// <summary>A 64-bit integer.</summary>
    Number,
}
