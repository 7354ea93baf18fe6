using System.Collections;
using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ServiceMethod = Google.Protobuf.Reflection.MethodDescriptor;

namespace Coordination.Cli.Grpc;

/// <summary>
/// A command for every gRPC method of every service, taken from the services' own descriptors: `coord assignment get-case
/// --case-id …`. Options are the request's fields (FieldOptions); a server stream prints each message as it comes (until
/// --for seconds pass, or Ctrl+C), a download writes its bytes to --output, an upload sends --file after its header.
/// </summary>
public static class MethodCommands
{
    /// <summary>(command group, service the address belongs to, the gRPC service): the Outbox is every service's own.</summary>
    public static readonly IReadOnlyList<(string Group, string Service, ServiceDescriptor Descriptor)> Services =
    [
        ("intake", "intake", Coordination.Grpc.Intake.IntakeService.Descriptor),
        ("assignment", "assignment", Coordination.Grpc.Assignment.AssignmentService.Descriptor),
        ("suggestions", "assignment", Coordination.Grpc.Assignment.SuggestionService.Descriptor),
        ("case-ownership", "assignment", Coordination.Grpc.Assignment.CaseOwnershipService.Descriptor),
        ("major-events", "assignment", Coordination.Grpc.Assignment.MajorEventService.Descriptor),
        ("accountability", "assignment", Coordination.Grpc.Assignment.AccountabilityService.Descriptor),
        ("legal-diversion", "legal-diversion", Coordination.Grpc.LegalDiversion.LegalDiversionService.Descriptor),
        ("joint-meeting", "joint-meeting", Coordination.Grpc.JointMeeting.JointMeetingService.Descriptor),
        ("reporting", "reporting", Coordination.Grpc.Reporting.ReportingService.Descriptor),
        ("directory", "directory", Coordination.Grpc.Directory.DirectoryService.Descriptor),
        ("operations", "", Coordination.Grpc.Operations.OutboxService.Descriptor),
    ];

    public const string MethodAnnotation = "grpc-method";

    /// <summary>The method each command calls, for the test that every method has one.</summary>
    public static readonly Dictionary<Command, ServiceMethod> Methods = [];

    public static IEnumerable<Command> Groups(GlobalOptions global)
    {
        foreach (var (group, service, descriptor) in Services)
        {
            var command = new Command(group, $"every method of {descriptor.FullName}");
            foreach (var method in descriptor.Methods) command.Subcommands.Add(For(method, service, global));
            yield return command;
        }
    }

    private static Command For(ServiceMethod method, string service, GlobalOptions global)
    {
        var command = new Command(FieldOptions.Kebab(Snake(method.Name)),
            $"{method.Service.FullName}.{method.Name}{(method.IsServerStreaming ? " (a stream: messages are printed as they come)" : "")}");
        Methods[command] = method;
        var serviceOption = service.Length == 0
            ? new Option<string>("--service") { Description = "the service whose outbox: " + string.Join(", ", Endpoints.Services.Keys), Required = true }
            : null;
        if (serviceOption is not null)
        {
            serviceOption.AcceptOnlyFromAmong([.. Endpoints.Services.Keys]);
            command.Options.Add(serviceOption);
        }
        var upload = method.IsClientStreaming ? UploadShape.Of(method.InputType) : null;
        var fields = upload is null ? new FieldOptions(method.InputType) : new FieldOptions(upload.Header.MessageType);
        foreach (var option in fields.Options) command.Options.Add(option);
        var file = new Option<FileInfo>("--file") { Description = "the file to upload", Required = true };
        if (upload is not null) command.Options.Add(file);
        var output = new Option<FileInfo>("--output") { Description = "where to write the downloaded bytes" };
        var seconds = new Option<int>("--for") { Description = "stop after this many seconds (default: until Ctrl+C)" };
        if (method.IsServerStreaming)
        {
            command.Options.Add(output);
            command.Options.Add(seconds);
        }
        command.SetAction(async (parsed, ct) =>
        {
            var target = serviceOption is null ? service : parsed.GetValue(serviceOption)!;
            var session = await global.SessionAsync(parsed, ct);
            var invoker = Endpoints.Channel(target).CreateCallInvoker();
            var json = parsed.GetValue(global.Json);
            if (upload is not null)
            {
                var header = await fields.BuildAsync(upload.Header.MessageType, parsed, text => CaseNumbers.ResolveAsync(text, session.Headers));
                Output.Print(await upload.SendAsync(invoker, method, session.Headers, header, parsed.GetValue(file)!, ct), json);
                return 0;
            }
            var request = await fields.BuildAsync(method.InputType, parsed, text => CaseNumbers.ResolveAsync(text, session.Headers));
            if (!method.IsServerStreaming)
            {
                var reply = await invoker.AsyncUnaryCall(Calls.Of(method, MethodType.Unary), null, new CallOptions(session.Headers, cancellationToken: ct), request);
                Output.Print(reply, json);
                return 0;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (parsed.GetValue(seconds) is > 0 and var s) stop.CancelAfter(TimeSpan.FromSeconds(s));
            await StreamAsync(invoker, method, session.Headers, request, parsed.GetValue(output), json, stop.Token);
            return 0;
        });
        return command;
    }

    private static async Task StreamAsync(CallInvoker invoker, ServiceMethod method, Metadata headers, IMessage request, FileInfo? output, bool json,
        CancellationToken stop)
    {
        using var call = invoker.AsyncServerStreamingCall(Calls.Of(method, MethodType.ServerStreaming), null, new CallOptions(headers, cancellationToken: stop), request);
        await using var file = output is null ? null : output.Create();
        try
        {
            while (await call.ResponseStream.MoveNext(stop))
            {
                var message = call.ResponseStream.Current;
                var chunk = message.Descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.Bytes && !f.IsRepeated);
                if (file is not null && chunk?.Accessor.GetValue(message) is ByteString { Length: > 0 } bytes)
                    await file.WriteAsync(bytes.Memory, stop);
                else
                    Output.PrintStreamed(message, json);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        if (output is not null) Console.Error.WriteLine($"wrote {output.FullName}");
    }

    /// <summary>GetCaseTimeline is get_case_timeline: the proto's own field style, so option and command names read alike.</summary>
    private static string Snake(string pascal) => FieldOptions.ScreamingSnake(pascal).ToLowerInvariant();
}
