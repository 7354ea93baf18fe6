using System.CommandLine;
using Coordination.Cli.Grpc;
using Coordination.Cli.Oidc;
using Grpc.Core;

namespace Coordination.Cli;

/// <summary>
/// The command line: the short commands (`coord case ID`, from the usage list), a command for every gRPC method grouped by
/// service (`coord assignment get-case --case-id …`), `completion bash` and `help`. Usage errors (an unknown command or
/// option, a value of the wrong type or not among the allowed) exit 2 with the command's help; a refused or failed call
/// exits 1 naming its status and the address called; nothing prints a stack trace.
/// </summary>
public static class CoordApp
{
    public const int Refused = 1, Usage = 2;

    public static RootCommand Root()
    {
        var global = new GlobalOptions();
        var root = new RootCommand("coord: the command-line client of Coordination (petition case coordination). " +
            "Short commands below; `coord SERVICE METHOD --help` reaches every gRPC method. Replies print as tables (lists) or JSON; --json for scripts.");
        foreach (var option in global.All) root.Options.Add(option);
        foreach (var shape in LegacyCommands.Shapes(Commands.Usage)) root.Subcommands.Add(LegacyCommands.For(shape, global));
        foreach (var group in MethodCommands.Groups(global)) root.Subcommands.Add(group);
        var completion = new Command("completion", "print a shell completion script");
        var bash = new Command("bash", "bash: source <(coord completion bash)");
        bash.SetAction(_ => Console.WriteLine(Completion.Bash));
        completion.Subcommands.Add(bash);
        root.Subcommands.Add(completion);
        var help = new Command("help", "this help; `coord COMMAND --help` for a command's");
        var about = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore };
        help.Arguments.Add(about);
        help.SetAction(parsed => root.Parse([.. parsed.GetValue(about) ?? [], "--help"]).Invoke());
        root.Subcommands.Add(help);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Root();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"coord: {error.Message}");
            Console.Error.WriteLine($"coord: see `coord {string.Join(' ', CommandPath(parsed))} --help`".Replace("  ", " "));
            return Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Describe(ex) is { } failure)
        {
            Console.Error.WriteLine($"coord: {failure.Message}");
            return failure.Code;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command.Name);
        return names;
    }

    /// <summary>What went wrong, in one line, and the exit code; null for a bug (then the runtime's own report).</summary>
    private static (string Message, int Code)? Describe(Exception ex) => ex switch
    {
        UsageException usage => (usage.Message, Usage),
        RpcException { StatusCode: StatusCode.Unavailable } rpc =>
            ($"cannot reach {Endpoints.LastAddress ?? "the service"}: {rpc.Status.Detail}", Refused),
        RpcException rpc => ($"{rpc.StatusCode}: {rpc.Status.Detail} ({Endpoints.LastAddress})", Refused),
        SignInRequiredException signIn => (signIn.Message, Refused),
        OidcException oidc => ($"sign-in failed: {oidc.Message}", Refused), // the Directory's own words: wrong password, locked, deactivated
        HttpRequestException http => ($"no answer over HTTP (the Directory; for `errors`, RabbitMQ's management API): {http.Message}", Refused),
        TaskCanceledException { InnerException: TimeoutException } => ("the Directory did not answer within 30 seconds", Refused),
        FormatException format => ($"{format.Message}", Usage),
        IOException io => (io.Message, Refused),
        _ => null,
    };
}
