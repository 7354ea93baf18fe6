using Coordination.Grpc.Assignment;
using Coordination.IntegrationTests.Fixtures;
using Coordination.ServiceDefaults.Auth;
using Grpc.Core;

namespace Coordination.IntegrationTests.Scenarios;

/// <summary>
/// Attachments stored for real (issue 16): a reply's evidence goes up in chunks and comes down byte for byte with its
/// SHA-256, to whoever may see the case; a unit outside the case gets NotFound; oversize, a wrong type, bytes that are not
/// what they claim, and a checksum that does not match are InvalidArgument naming the field, and nothing is stored.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class When_evidence_is_attached(SystemFixture system)
{
    private static readonly Metadata Housing = Callers.Department("nanjing-housing-bureau");
    private static readonly Metadata Suzhou = Callers.As(Roles.Bureau, "suzhou-petition-bureau", "320500");
    private CaseFlow Flow => new(system.Assignment.Channel);

    [Fact]
    public async Task A_file_round_trips_byte_for_byte_with_its_checksum_and_is_not_found_outside_the_case()
    {
        var assignment = await Flow.AcceptedAsync(await Flow.AssignedAsync(system.Intake.Channel));
        var bytes = Uploads.Pdf(300_000);
        var stored = await Uploads.EvidenceAsync(Flow.Api, assignment.AssignmentId, bytes, CaseFlow.Unit);
        Assert.Equal((bytes.Length, Uploads.Sha256(bytes), "reply_evidence", assignment.CaseId), (stored.Size, stored.Sha256, stored.Kind, stored.CaseId));

        foreach (var reader in new[] { CaseFlow.Unit, CaseFlow.Bureau, Callers.Clerk() })
        {
            var (described, received) = await Uploads.DownloadAsync(Flow.Api, stored.AttachmentId, reader);
            Assert.Equal(bytes, received);
            Assert.Equal(stored.Sha256, described.Sha256);
            Assert.Equal(Uploads.Sha256(received), described.Sha256);
        }
        var listed = await Flow.Api.ListAttachmentsAsync(new ListAttachmentsRequest { CaseId = assignment.CaseId }, CaseFlow.Bureau);
        Assert.Equal(stored.AttachmentId, Assert.Single(listed.Attachments).AttachmentId);

        foreach (var outsider in new[] { Housing, Suzhou })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => Uploads.DownloadAsync(Flow.Api, stored.AttachmentId, outsider));
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
            Assert.DoesNotContain(stored.AttachmentId, ex.Status.Detail);
        }
        var upload = await Assert.ThrowsAsync<RpcException>(() => Uploads.EvidenceAsync(Flow.Api, assignment.AssignmentId, bytes, Housing));
        Assert.Equal(StatusCode.NotFound, upload.StatusCode);
        Assert.Equal(1, await CountAsync(assignment.CaseId));
    }

    [Fact]
    public async Task Oversize_wrong_type_false_bytes_and_a_wrong_checksum_are_invalid_arguments_and_store_nothing()
    {
        var assignment = await Flow.AssignedAsync(system.Intake.Channel);
        var id = assignment.AssignmentId;
        await RefusedAsync(Uploads.EvidenceAsync(Flow.Api, id, Uploads.Pdf(10 * 1024 * 1024 + 1), CaseFlow.Unit, chunk: 1024 * 1024), "chunk");
        await RefusedAsync(Uploads.EvidenceAsync(Flow.Api, id, "MZ\u0090\0"u8.ToArray(), CaseFlow.Unit, contentType: "application/x-msdownload",
            fileName: "证据.exe"), "header.content_type");
        await RefusedAsync(Uploads.EvidenceAsync(Flow.Api, id, "MZ\u0090\0 not a pdf"u8.ToArray(), CaseFlow.Unit), "header.content_type: the bytes are not application/pdf");
        await RefusedAsync(Uploads.EvidenceAsync(Flow.Api, id, Uploads.Pdf(1000), CaseFlow.Unit, fileName: "证据.png"), "header.file_name");
        await RefusedAsync(Uploads.EvidenceAsync(Flow.Api, id, Uploads.Pdf(1000), CaseFlow.Unit, sha256: new string('0', 64)), "header.sha256");
        await RefusedAsync(Uploads.EvidenceAsync(Flow.Api, id, [], CaseFlow.Unit), "chunk: the file is empty");
        Assert.Equal(0, await CountAsync(assignment.CaseId));
        Assert.Equal(0, await system.Assignment.CountAsync(
            "SELECT count(*) FROM attachment_contents c WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.\"Id\" = c.\"AttachmentId\")"));
    }

    private static async Task RefusedAsync(Task upload, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => upload);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(field, ex.Status.Detail);
    }

    private Task<long> CountAsync(string caseId) =>
        system.Assignment.CountAsync("SELECT count(*) FROM attachments WHERE \"CaseId\" = $1", Guid.Parse(caseId));
}
