using System.Text;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Machines;

/// <summary>
/// Boots an image under QEMU, hands each serial-console line to a callback as soon as it
/// arrives, and decodes how the run ended. Does not validate the image: see ImageValidator.
/// </summary>
public static class QemuRunner
{
    /// <param name="onConsoleLine">Receives each console line without its line end; for an
    /// <see cref="QemuOptions.Interactive"/> run, the console text as it arrives instead (CRs removed).</param>
    /// <param name="onQemuStderrLine">Receives QEMU's own messages (warnings, -d logs) live; they
    /// are also collected into <see cref="QemuRun.QemuStderr"/> either way.</param>
    public static QemuRun Run(
        QemuOptions options,
        Action<string> onConsoleLine,
        CancellationToken cancellation = default,
        Action<string>? onQemuStderrLine = null)
    {
        var stderr = new StringBuilder();
        ProcessResult result;
        try
        {
            result = Start(options, onConsoleLine, cancellation, onQemuStderrLine, stderr);
        }
        catch (NacreException e)
        {
            throw new NacreException($"{e.Message} (scripts/setup.sh installs QEMU)");
        }

        var text = stderr.ToString();
        if (result.Cancelled)
            throw new OperationCanceledException("the run was interrupted", cancellation);
        var status = result.TimedOut ? ExitStatus.TimeoutExpired : ExitStatus.Decode(result.ExitCode, text);
        return new QemuRun(status, result.ExitCode, text, result.Elapsed);
    }

    private static ProcessResult Start(
        QemuOptions options,
        Action<string> onConsoleLine,
        CancellationToken cancellation,
        Action<string>? onQemuStderrLine,
        StringBuilder stderr)
    {
        using var terminalModes = options.Interactive ? TerminalModes.Preserve() : null;
        return ChildProcess.Run(
            options.QemuPath,
            QemuCommandLine.Build(options),
            onStdout: options.Interactive ? text => onConsoleLine(text.Replace("\r", "")) : line => onConsoleLine(line.TrimEnd('\r')),
            onStderr: line =>
            {
                lock (stderr)
                    stderr.AppendLine(line);
                onQemuStderrLine?.Invoke(line);
            },
            timeout: options.Timeout,
            cancellation: cancellation,
            interactive: options.Interactive);
    }
}
