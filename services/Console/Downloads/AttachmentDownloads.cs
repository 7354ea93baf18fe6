using Coordination.Console.Calls;
using Coordination.Console.Hosting;
using Coordination.Grpc.Assignment;
using Grpc.Core;

namespace Coordination.Console.Downloads;

/// <summary>GET /files/{attachmentId}: a case's file, fetched from Assignment with the signed-in person's token (its rules decide).</summary>
public static class AttachmentDownloads
{
    public static void MapAttachmentDownloads(this WebApplication app)
    {
        app.MapGet("/files/{attachmentId}", async (HttpContext http, ServiceChannels channels, string attachmentId) =>
        {
            var headers = new Metadata { { "Authorization", "Bearer " + http.User.Token() } };
            try
            {
                using var call = new AssignmentService.AssignmentServiceClient(channels.Assignment)
                    .DownloadAttachment(new DownloadAttachmentRequest { AttachmentId = attachmentId }, headers, cancellationToken: http.RequestAborted);
                Grpc.Attachments.Attachment? described = null;
                using var bytes = new MemoryStream();
                while (await call.ResponseStream.MoveNext(http.RequestAborted))
                {
                    var part = call.ResponseStream.Current;
                    if (part.PartCase == DownloadAttachmentResponse.PartOneofCase.Attachment) described = part.Attachment;
                    else part.Chunk.WriteTo(bytes);
                }
                if (described is null) return Results.NotFound();
                http.Response.Headers["X-Content-SHA256"] = described.Sha256;
                return Results.File(bytes.ToArray(), described.ContentType, described.FileName);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                return Results.NotFound();
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization();
    }
}
