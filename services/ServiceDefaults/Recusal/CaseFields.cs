using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Coordination.ServiceDefaults.Recusal;

/// <summary>
/// Reads a message's case references by the API's own names (ADR 12): <c>case_id</c> and <c>case_ids</c> name a case,
/// any other <c>…_id</c> a thing of the service that the <see cref="ICaseLocator"/> may tie to cases.
/// </summary>
public static class CaseFields
{
    private static bool NamesCase(FieldDescriptor f) => f.FieldType == FieldType.String && f.Name is "case_id" or "case_ids";

    /// <summary>Every non-empty id field of a request (nested messages included): its name and value.</summary>
    public static IEnumerable<(string Field, string Value)> Ids(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap) continue;
            if (field.FieldType == FieldType.String && field.Name.EndsWith("_id", StringComparison.Ordinal) || NamesCase(field))
                foreach (var value in Values(field, message).OfType<string>().Where(v => v.Length > 0)) yield return (field.Name, value);
            else if (field.FieldType == FieldType.Message)
                foreach (var child in Values(field, message).OfType<IMessage>())
                    foreach (var id in Ids(child)) yield return id;
        }
    }

    public static bool IsCaseField(string field) => field is "case_id" or "case_ids";

    /// <summary>
    /// Removes from every list of the message the entries that refer to one of the cases, and says whether what is left
    /// still refers to one (a single view of such a case: the whole reply is then NotFound).
    /// </summary>
    public static bool Prune(IMessage message, IReadOnlySet<Guid> cases)
    {
        var refers = false;
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap) continue;
            if (NamesCase(field))
                refers |= Values(field, message).OfType<string>().Any(v => Guid.TryParse(v, out var id) && cases.Contains(id));
            else if (field.FieldType == FieldType.Message && field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = list.Count - 1; i >= 0; i--)
                    if (Prune((IMessage)list[i]!, cases)) list.RemoveAt(i);
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage child)
                refers |= Prune(child, cases);
        }
        return refers;
    }

    private static IEnumerable<object?> Values(FieldDescriptor field, IMessage message) =>
        field.IsRepeated ? ((IList)field.Accessor.GetValue(message)).Cast<object?>() : [field.Accessor.GetValue(message)];
}
