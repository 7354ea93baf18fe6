using System.Text;
using Coordination.Grpc.Attachments;
using IntakeService = Coordination.Grpc.Intake.IntakeService;
using Coordination.Grpc.JointMeeting;
using Coordination.IntegrationTests.Authorization;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// A meeting's minutes (by its convener) and an action item's proof (by the item's owner) are stored and come back byte
/// for byte to whoever may see the meeting; a unit not invited, and a bureau of another city, get NotFound; a party
/// cannot attach proof to another party's item.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_minutes_and_proof_are_attached(SystemFixture system)
{
    private static readonly Metadata Convener = Callers.As(Roles.Bureau, "nanjing-petition-bureau", "320100");
    private static readonly Metadata Owner = Callers.Department("xuanwu-housing-office", "320102");
    private static readonly Metadata OtherParty = Callers.Department("xuanwu-gov", "320102");
    private JointMeetingService.JointMeetingServiceClient Meetings => new(system.JointMeeting.Channel);

    [Fact]
    public async Task They_round_trip_byte_for_byte_to_the_meetings_people_and_are_not_found_outside_it()
    {
        var (meetingId, itemId) = await HeldMeetingWithAnItemAsync();
        var minutes = Encoding.UTF8.GetBytes("会议纪要：玄武区住建局牵头，三十日内回告。\n" + new string('记', 20_000));
        var png = Uploads.Pdf(70_000);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);

        var storedMinutes = await UploadAsync(Meetings.UploadMeetingMinutes(Convener), meetingId, minutes, "text/plain", "纪要.txt",
            (h, c) => new UploadMeetingMinutesRequest { Header = h }, c => new UploadMeetingMinutesRequest { Chunk = c }, r => r.Attachment);
        var storedProof = await UploadAsync(Meetings.UploadActionItemProof(Owner), itemId, png, "image/png", "整改照片.png",
            (h, c) => new UploadActionItemProofRequest { Header = h }, c => new UploadActionItemProofRequest { Chunk = c }, r => r.Attachment);
        Assert.Equal(("meeting_minutes", Uploads.Sha256(minutes)), (storedMinutes.Kind, storedMinutes.Sha256));
        Assert.Equal(("action_item_proof", Uploads.Sha256(png)), (storedProof.Kind, storedProof.Sha256));

        foreach (var reader in new[] { Convener, Owner, OtherParty })
        {
            Assert.Equal(minutes, await DownloadAsync(storedMinutes, reader));
            Assert.Equal(png, await DownloadAsync(storedProof, reader));
        }
        var listed = await Meetings.ListMeetingAttachmentsAsync(new ListMeetingAttachmentsRequest { MeetingId = meetingId }, OtherParty);
        Assert.Equal([storedMinutes.AttachmentId, storedProof.AttachmentId], listed.Attachments.Select(a => a.AttachmentId));

        foreach (var outsider in new[] { Callers.Department("nanjing-labour-bureau"), Callers.As(Roles.Bureau, "suzhou-petition-bureau", "320500") })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(storedProof, outsider));
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        }
        var notOwn = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(Meetings.UploadActionItemProof(OtherParty), itemId, png, "image/png", "p.png",
            (h, c) => new UploadActionItemProofRequest { Header = h }, c => new UploadActionItemProofRequest { Chunk = c }, r => r.Attachment));
        Assert.Equal(StatusCode.NotFound, notOwn.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(Meetings.UploadMeetingMinutes(Convener), meetingId, png, "application/pdf", "纪要.pdf",
            (h, c) => new UploadMeetingMinutesRequest { Header = h }, c => new UploadMeetingMinutesRequest { Chunk = c }, r => r.Attachment));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(2, await system.JointMeeting.CountAsync("SELECT count(*) FROM attachments WHERE \"SubjectId\" IN ($1, $2)", Guid.Parse(meetingId), Guid.Parse(itemId)));
    }

    private async Task<(string MeetingId, string ItemId)> HeldMeetingWithAnItemAsync()
    {
        var crossRegion = Petitions.Valid(region: "320102", topic: "housing");
        crossRegion.OtherRegionCodes.Add("321100");
        var caseId = (await new IntakeService.IntakeServiceClient(system.Intake.Channel).RegisterPetitionAsync(crossRegion, Callers.Clerk())).CaseId;
        var meetingId = (await Eventually.UntilAsync(() => Meetings.ListMeetingsAsync(new ListMeetingsRequest { CaseId = caseId }, Convener).ResponseAsync,
            r => r.Meetings.Count == 1, "the meeting to be proposed")).Meetings[0].MeetingId;
        await Meetings.ConveneMeetingAsync(new ConveneMeetingRequest
        {
            MeetingId = meetingId, Agenda = "跨区域协调", ScheduledAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(10)), Place = "市信访局",
            Parties = { "xuanwu-housing-office", "xuanwu-gov" }, AnswerBy = MatrixWorld.Day(5), PositionsBy = MatrixWorld.Day(8),
        }, Convener);
        await Meetings.HoldMeetingAsync(new HoldMeetingRequest
        {
            MeetingId = meetingId, Attended = { "xuanwu-housing-office", "xuanwu-gov" }, Minutes = "通报情况", Resolution = "玄武牵头", LeadUnit = "xuanwu-housing-office",
        }, Convener);
        var itemId = (await Meetings.IssueActionItemAsync(new IssueActionItemRequest { MeetingId = meetingId, Owner = "xuanwu-housing-office", Task = "回告整改情况",
            DueDate = MatrixWorld.Day(20) }, Convener)).Meeting.ActionItems[0].ItemId;
        return (meetingId, itemId);
    }

    private static async Task<Attachment> UploadAsync<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, string subjectId, byte[] bytes,
        string contentType, string fileName, Func<AttachmentHeader, ByteString?, TRequest> header, Func<ByteString, TRequest> chunk, Func<TResponse, Attachment> attachment)
    {
        using (call)
        {
            await call.RequestStream.WriteAsync(header(new AttachmentHeader { SubjectId = subjectId, FileName = fileName, ContentType = contentType }, null));
            for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
                await call.RequestStream.WriteAsync(chunk(ByteString.CopyFrom(bytes, offset, Math.Min(16 * 1024, bytes.Length - offset))));
            await call.RequestStream.CompleteAsync();
            return attachment(await call.ResponseAsync);
        }
    }

    private async Task<byte[]> DownloadAsync(Attachment stored, Metadata reader)
    {
        using var call = Meetings.DownloadMeetingAttachment(new DownloadMeetingAttachmentRequest { AttachmentId = stored.AttachmentId }, reader);
        using var bytes = new MemoryStream();
        var described = false;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var part = call.ResponseStream.Current;
            if (part.PartCase == DownloadMeetingAttachmentResponse.PartOneofCase.Attachment) described = part.Attachment.Sha256 == stored.Sha256;
            else part.Chunk.WriteTo(bytes);
        }
        Assert.True(described, "the description with the stored SHA-256 comes first");
        return bytes.ToArray();
    }
}
