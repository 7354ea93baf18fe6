using System.Security.Cryptography;
using Coordination.ServiceDefaults.Grpc;
using Google.Protobuf;
using Grpc.Core;
using AttachmentHeader = Coordination.Grpc.Attachments.AttachmentHeader;

namespace Coordination.ServiceDefaults.Attachments;

/// <summary>
/// Reads a client-streamed upload: one header, then chunks. Everything wrong is InvalidArgument naming its field
/// (header.subject_id, header.file_name, header.content_type, header.sha256, chunk), and nothing is stored; bytes past
/// <see cref="AttachmentLimits.MaxBytes"/> are read and dropped, never kept.
/// </summary>
public static class AttachmentUpload
{
    public static async Task<ReceivedFile> ReadAsync<T>(IAsyncStreamReader<T> stream, Func<T, AttachmentHeader?> headerOf, Func<T, ByteString?> chunkOf,
        CancellationToken ct)
    {
        AttachmentHeader? header = null;
        string? misplaced = null;
        var tooLarge = false;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var bytes = new MemoryStream();
        // Read to the end even when the upload is already refused: an answer sent while the client is still writing
        // reaches it as Cancelled, not as the reason.
        while (await stream.MoveNext(ct))
        {
            var message = stream.Current;
            if (headerOf(message) is { } h)
            {
                if (header is not null || bytes.Length > 0) misplaced ??= "only the first message carries the header";
                header ??= h;
                continue;
            }
            if (chunkOf(message) is not { } chunk) continue;
            if (header is null) misplaced ??= "the first message must be the header";
            if (tooLarge || bytes.Length + chunk.Length > AttachmentLimits.MaxBytes)
            {
                tooLarge = true;
                continue;
            }
            hash.AppendData(chunk.Span);
            bytes.Write(chunk.Span);
        }
        if (header is null) Refuse("header", "is required: the first message");
        if (misplaced is not null) Refuse("header", misplaced);
        if (tooLarge) Refuse("chunk", $"the file is larger than {AttachmentLimits.MaxBytes} bytes (10 MiB)");
        return Checked(header!, bytes.ToArray(), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static ReceivedFile Checked(AttachmentHeader header, byte[] content, string sha256)
    {
        var errors = new FieldErrors();
        var subject = errors.RequireGuid(header.SubjectId, "header.subject_id");
        var name = errors.Text(header.FileName, "header.file_name", AttachmentLimits.MaxFileNameLength);
        errors.Check(name.IndexOfAny(['/', '\\']) < 0 && !name.Any(char.IsControl), "header.file_name", "must be a plain file name");
        var type = header.ContentType.Trim().ToLowerInvariant();
        if (!AttachmentLimits.IsAllowedType(type))
            errors.Add("header.content_type", "must be one of " + string.Join(", ", AttachmentLimits.Extensions.Keys));
        else
        {
            errors.Check(AttachmentLimits.NameFits(name, type), "header.file_name", $"must end in {string.Join(" or ", AttachmentLimits.Extensions[type])} for {type}");
            errors.Check(content.Length == 0 || AttachmentLimits.BytesAre(type, content), "header.content_type", $"the bytes are not {type}");
        }
        errors.Check(content.Length > 0, "chunk", "the file is empty");
        var claimed = header.Sha256.Trim().ToLowerInvariant();
        errors.Check(claimed.Length == 0 || claimed == sha256, "header.sha256", $"does not match the bytes received (SHA-256 {sha256})");
        errors.ThrowIfAny();
        return new ReceivedFile(subject, name, type, content, sha256);
    }

    private static void Refuse(string field, string problem) => new FieldErrors().Add(field, problem).ThrowIfAny();
}
