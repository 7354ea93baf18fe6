using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ServiceMethod = Google.Protobuf.Reflection.MethodDescriptor;

namespace Coordination.Cli.Grpc;

/// <summary>An upload's messages: a header (a message field), then the file in chunks (a bytes field), as ADR 24 has them.</summary>
public sealed record UploadShape(FieldDescriptor Header, FieldDescriptor Chunk)
{
    private const int ChunkSize = 64 * 1024;

    public static UploadShape Of(MessageDescriptor request) => new(
        request.Fields.InDeclarationOrder().Single(f => f.FieldType == FieldType.Message),
        request.Fields.InDeclarationOrder().Single(f => f.FieldType == FieldType.Bytes));

    public async Task<IMessage> SendAsync(CallInvoker invoker, ServiceMethod method, Metadata headers, IMessage header, FileInfo file, CancellationToken ct)
    {
        if (!file.Exists) throw new UsageException($"--file: no file {file.FullName}");
        using var call = invoker.AsyncClientStreamingCall(Calls.Of(method, MethodType.ClientStreaming), null, new CallOptions(headers, cancellationToken: ct));
        var first = method.InputType.Parser.ParseFrom(ByteString.Empty);
        Header.Accessor.SetValue(first, header);
        await call.RequestStream.WriteAsync(first, ct);
        await using var stream = file.OpenRead();
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var chunk = method.InputType.Parser.ParseFrom(ByteString.Empty);
            Chunk.Accessor.SetValue(chunk, ByteString.CopyFrom(buffer, 0, read));
            await call.RequestStream.WriteAsync(chunk, ct);
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
