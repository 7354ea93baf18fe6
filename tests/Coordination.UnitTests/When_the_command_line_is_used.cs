using System.CommandLine;
using System.Reflection;
using Coordination.Cli;
using Coordination.Cli.Grpc;
using Google.Protobuf.Reflection;

namespace Coordination.UnitTests;

/// <summary>
/// The command-line client (issue 18): a command for every gRPC method of every proto, help for the whole and each command,
/// and bad input refused with one line and exit code 2, never a stack trace.
/// </summary>
[Collection(nameof(When_the_command_line_is_used))] // it replaces the process's standard error while it runs
public sealed class When_the_command_line_is_used
{
    /// <summary>Every gRPC service the contracts generate, found by reflection: a service added later is found too.</summary>
    private static IEnumerable<ServiceDescriptor> ProtoServices() =>
        typeof(Coordination.Contracts.FieldLimits).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .Select(p => (ServiceDescriptor)p!.GetValue(null)!);

    [Fact]
    public void Every_method_of_every_proto_has_a_command()
    {
        var root = CoordApp.Root();
        var services = ProtoServices().ToList();
        Assert.Contains(services, s => s.FullName == "coordination.directory.v1.DirectoryService");
        Assert.True(services.Count >= 7, $"found {services.Count} services");
        var commands = Descendants(root).Where(MethodCommands.Methods.ContainsKey).ToDictionary(c => MethodCommands.Methods[c].FullName, c => c);
        var missing = services.SelectMany(s => s.Methods).Select(m => m.FullName).Where(m => !commands.ContainsKey(m)).ToList();
        Assert.Empty(missing);
        foreach (var (method, command) in commands)
        {
            var path = Path(root, command);
            var parsed = root.Parse([.. path, "--help"]);
            Assert.True(parsed.Errors.Count == 0, $"{method}: coord {string.Join(' ', path)} --help: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public async Task Help_answers_for_the_whole_and_for_each_command()
    {
        foreach (var args in new[] { ["--help"], ["help"], ["help", "ack"], ["ack", "--help"], ["assignment", "get-case", "--help"], (string[])["completion", "bash"] })
        {
            var (code, _) = await RunAsync(args);
            Assert.Equal((string.Join(' ', args), 0), (string.Join(' ', args), code));
        }
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["intake", "list-petitions", "--page-size", "abc"], "--page-size" },
        { ["intake", "register-petition", "--channel", "by-pigeon"], "by-pigeon" },
        { ["operations", "list-quarantined-messages", "--service", "billing"], "billing" },
        { ["--token", "x", "register", "--region", "320102", "--topic", "t", "--summary", "s", "--name", "n", "--group-size", "abc"], "--group-size" },
        { ["--token", "x", "register", "--region", "320102", "--topic", "t", "--summary", "s", "--name", "n", "--colour", "red"], "--colour" },
        { ["--token", "x", "convene", "m", "--at", "tomorrow-ish"], "--at" },
        { ["--token", "x", "register", "--region", "320102", "--topic", "t", "--summary", "s", "--name", "n", "--category", "rumour"], "rumour" },
        { ["ack", "one", "two"], "two" },
        { ["frobnicate"], "frobnicate" },
        { [], "" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_exits_2_with_one_reason_and_no_stack_trace(string[] args, string named)
    {
        var (code, error) = await RunAsync(args);
        Assert.Equal(CoordApp.Usage, code);
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_is_named_by_its_address()
    {
        Environment.SetEnvironmentVariable("COORD_REPORTING", "http://127.0.0.1:9");
        try
        {
            var (code, error) = await RunAsync(["--token", "x", "reporting", "get-case-timeline", "--case-id", Guid.NewGuid().ToString()]);
            Assert.Equal(CoordApp.Refused, code);
            Assert.Contains("cannot reach http://127.0.0.1:9", error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COORD_REPORTING", null);
        }
    }

    private static async Task<(int Code, string Error)> RunAsync(string[] args)
    {
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        try
        {
            return (await CoordApp.RunAsync(args), error.ToString());
        }
        finally
        {
            Console.SetError(before);
        }
    }

    private static IEnumerable<Command> Descendants(Command command) => command.Subcommands.SelectMany(c => Descendants(c).Prepend(c));

    private static List<string> Path(Command root, Command target)
    {
        foreach (var child in root.Subcommands)
        {
            if (child == target) return [child.Name];
            if (Path(child, target) is { Count: > 0 } below) return [child.Name, .. below];
        }
        return [];
    }
}
