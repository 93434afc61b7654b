using System.CommandLine;
using System.CommandLine.Invocation;
using Nacre.Cli.Commands;
using Nacre.Host.Infrastructure;

namespace Nacre.Cli;

/// <summary>
/// The nacre command line. <see cref="Invoke"/> is the whole program minus the process: tests
/// call it in-process with their own writers and get the exit code the process would have.
/// </summary>
public static class NacreCli
{
    public const string Description = """
        Nacre: build, boot and test C# hybrid runtimes (HRTs) under QEMU.

        Exit codes of 'nacre run': the HRT's own code (0..126); 125 an error of nacre or QEMU;
        127 the kernel panicked. 'nacre test': 0 all passed, 1 some failed, 125 an error.
        See docs/cli.md.
        """;

    public static int Invoke(string[] args, Terminal terminal, CancellationToken cancellation = default)
    {
        var root = new RootCommand(Description)
        {
            BuildCommand.Create(terminal),
            RunCommand.Create(terminal, cancellation),
            TestCommand.Create(terminal, cancellation),
            IsoCommand.Create(terminal),
            BenchCommand.Create(terminal, cancellation),
            PackCommand.Create(terminal),
        };
        BenchAppsCommand.Register(root, terminal, cancellation);

        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
            return ReportParseErrors(parse, terminal);

        var configuration = new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Error,
            EnableDefaultExceptionHandler = false, // our handler below maps errors to 125
            ProcessTerminationTimeout = null,       // Ctrl-C is handled by Program, which kills QEMU
        };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (NacreException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.ToolError;
        }
        catch (OperationCanceledException)
        {
            terminal.Fail("interrupted");
            return ExitCodes.ToolError;
        }
    }

    /// <summary>Bad arguments are nacre's error too: same prefix, same exit code as any other.</summary>
    private static int ReportParseErrors(ParseResult parse, Terminal terminal)
    {
        foreach (var error in parse.Errors)
            terminal.Fail(error.Message);
        var command = parse.CommandResult.Command;
        var path = command is RootCommand ? "nacre" : $"nacre {command.Name}";
        terminal.Error.WriteLine($"Run '{path} --help' for usage.");
        terminal.Error.Flush();
        return ExitCodes.ToolError;
    }
}
