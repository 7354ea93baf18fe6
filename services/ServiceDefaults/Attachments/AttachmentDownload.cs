using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using AttachmentView = Coordination.Grpc.Attachments.Attachment;

namespace Coordination.ServiceDefaults.Attachments;

/// <summary>Sends a file as its description, then its bytes in 64 KiB chunks.</summary>
public static class AttachmentDownload
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task WriteAsync<T>(IServerStreamWriter<T> stream, StoredAttachment attachment, byte[] bytes, Func<AttachmentView, T> head,
        Func<ByteString, T> chunk, CancellationToken ct)
    {
        await stream.WriteAsync(head(View(attachment)), ct);
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes)
            await stream.WriteAsync(chunk(ByteString.CopyFrom(bytes, offset, Math.Min(ChunkBytes, bytes.Length - offset))), ct);
    }

    public static AttachmentView View(StoredAttachment a) => new()
    {
        AttachmentId = a.Id.ToString(), Kind = a.Kind, SubjectId = a.SubjectId.ToString(), CaseId = a.CaseId.ToString(), FileName = a.FileName,
        ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256, UploadedBy = a.UploadedBy, UploadedUnit = a.UploadedUnit,
        UploadedAt = Timestamp.FromDateTimeOffset(a.UploadedAt),
    };
}
