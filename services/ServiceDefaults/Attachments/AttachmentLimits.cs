namespace Coordination.ServiceDefaults.Attachments;

/// <summary>
/// What a file may be: at most 10 MiB, and one of four types whose bytes must start as that type does (a PDF with
/// "%PDF-", a PNG with its signature, a JPEG with FF D8 FF; plain text must be UTF-8), so a renamed executable is refused.
/// </summary>
public static class AttachmentLimits
{
    public const int MaxBytes = 10 * 1024 * 1024, MaxFileNameLength = 200;

    public static readonly IReadOnlyDictionary<string, string[]> Extensions = new Dictionary<string, string[]>
    {
        ["application/pdf"] = [".pdf"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["image/png"] = [".png"],
        ["text/plain"] = [".txt"],
    };

    public static bool IsAllowedType(string contentType) => Extensions.ContainsKey(contentType);

    public static bool NameFits(string fileName, string contentType) =>
        Extensions.TryGetValue(contentType, out var extensions) && extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    public static bool BytesAre(string contentType, ReadOnlySpan<byte> bytes) => contentType switch
    {
        "application/pdf" => bytes.StartsWith("%PDF-"u8),
        "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "text/plain" => System.Text.Unicode.Utf8.IsValid(bytes),
        _ => false,
    };
}
