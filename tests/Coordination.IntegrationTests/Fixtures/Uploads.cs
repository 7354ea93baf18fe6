using System.Security.Cryptography;
using Coordination.Grpc.Assignment;
using Coordination.Grpc.Attachments;
using Google.Protobuf;
using Grpc.Core;

namespace Coordination.IntegrationTests.Fixtures;

/// <summary>Uploads and downloads files over Assignment's streams, the way a client does: a header, then chunks.</summary>
public static class Uploads
{
    public static byte[] Pdf(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<Attachment> EvidenceAsync(AssignmentService.AssignmentServiceClient api, string assignmentId, byte[] bytes, Metadata headers,
        string contentType = "application/pdf", string fileName = "回复证据.pdf", string? sha256 = null, int chunk = 32 * 1024,
        bool plainClient = false)
    {
        using var call = api.UploadReplyEvidence(headers);
        await call.RequestStream.WriteAsync(new UploadReplyEvidenceRequest
        {
            Header = new AttachmentHeader { SubjectId = assignmentId, FileName = fileName, ContentType = contentType, Sha256 = sha256 ?? Sha256(bytes) },
        });
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += chunk)
                await call.RequestStream.WriteAsync(new UploadReplyEvidenceRequest { Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(chunk, bytes.Length - offset)) });
            await call.RequestStream.CompleteAsync();
        }
        // the server refused before the end: its answer below says why. A plain client (plainClient) does not look for
        // it, so the server's answer must not come before the client has finished writing.
        catch (Exception ex) when (!plainClient && ex is RpcException or InvalidOperationException) { }
        return (await call.ResponseAsync).Attachment;
    }

    public static async Task<(Attachment Attachment, byte[] Bytes)> DownloadAsync(AssignmentService.AssignmentServiceClient api, string attachmentId, Metadata headers)
    {
        using var call = api.DownloadAttachment(new DownloadAttachmentRequest { AttachmentId = attachmentId }, headers);
        Attachment? attachment = null;
        using var bytes = new MemoryStream();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var part = call.ResponseStream.Current;
            if (part.PartCase == DownloadAttachmentResponse.PartOneofCase.Attachment) attachment = part.Attachment;
            else part.Chunk.WriteTo(bytes);
        }
        return (attachment ?? throw new InvalidOperationException("no description came first"), bytes.ToArray());
    }
}
