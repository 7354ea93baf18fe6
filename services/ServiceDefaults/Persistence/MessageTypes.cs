using System.Collections.Concurrent;

namespace Coordination.ServiceDefaults.Persistence;

/// <summary>Maps a message type to the name stored in the outbox and back.</summary>
public static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) => Resolved.GetOrAdd(name, static n =>
        Type.GetType(n, throwOnError: false) ?? throw new InvalidOperationException($"unknown message type '{n}' in the outbox"));
}
