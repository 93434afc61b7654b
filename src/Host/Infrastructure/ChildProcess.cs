using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Nacre.Host.Infrastructure;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">The exit status; meaningless when <paramref name="TimedOut"/> or
/// <paramref name="Cancelled"/> is set, because nacre killed the process itself.</param>
public sealed record ProcessResult(int ExitCode, bool TimedOut, bool Cancelled, TimeSpan Elapsed);

/// <summary>
/// Runs a child process with both output streams read line by line as they arrive, an optional
/// timeout and cancellation. On timeout or cancellation the whole process tree is killed: QEMU
/// and MSBuild must not outlive nacre. An interactive child reads nacre's own stdin and has its
/// stdout handed over as it arrives rather than by lines (a prompt has no line end).
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// How long to keep reading output after the process exited. Grandchildren (MSBuild nodes,
    /// compiler servers) can inherit the pipes and keep them open long after the process we
    /// started is gone; we must not wait for them.
    /// </summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        Action<string>? onStdout,
        Action<string>? onStderr,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellation = default,
        bool interactive = false)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            // Unless asked, the child must not read (or raw-mode) our terminal.
            RedirectStandardInput = !interactive,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new NacreException($"cannot start {fileName}: {e.Message}");
        }

        var stdout = interactive ? PumpText(process.StandardOutput, onStdout) : Pump(process.StandardOutput, onStdout);
        var stderr = Pump(process.StandardError, onStderr);

        var timedOut = false;
        var cancelled = false;
        using (cancellation.Register(() => Kill(process)))
        {
            var exited = process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan);
            if (!exited)
            {
                timedOut = true;
                Kill(process);
                process.WaitForExit();
            }
            cancelled = cancellation.IsCancellationRequested && !timedOut;
        }

        Task.WaitAll([stdout, stderr], DrainGrace);
        if (!interactive)
            CloseQuietly(process.StandardInput);
        clock.Stop();
        return new ProcessResult(process.ExitCode, timedOut, cancelled, clock.Elapsed);
    }

    private static Task Pump(StreamReader reader, Action<string>? onLine) => Task.Run(() =>
    {
        while (reader.ReadLine() is { } line)
            onLine?.Invoke(line);
    });

    private static Task PumpText(StreamReader reader, Action<string>? onText) => Task.Run(() =>
    {
        var buffer = new char[4096];
        int count;
        while ((count = reader.Read(buffer, 0, buffer.Length)) > 0)
            onText?.Invoke(new string(buffer, 0, count));
    });

    private static void CloseQuietly(StreamWriter input)
    {
        try
        {
            input.Close();
        }
        catch (IOException)
        {
            // The child is gone and so is the pipe's other end: nothing to flush.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile: nothing left to kill.
        }
    }
}
