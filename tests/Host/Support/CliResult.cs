using Nacre.Cli;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Tests.Support;

/// <summary>What one nacre command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI in-process, exactly as the nacre executable would, capturing its output.</summary>
    public static CliResult Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = NacreCli.Invoke(args, new Terminal(stdout, stderr));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Lines of stderr that are nacre's own error messages, prefix removed.</summary>
    public IReadOnlyList<string> Errors =>
        Stderr.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("nacre: error: ", StringComparison.Ordinal))
            .Select(l => l["nacre: error: ".Length..])
            .ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
