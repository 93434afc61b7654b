using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Apps;

/// <summary>Where an HRT image runs for `nacre bench apps` and the host tests.</summary>
public enum HrtMode
{
    /// <summary>QEMU with TCG: runs anywhere, but its times say nothing about native speed (functional only).</summary>
    Qemu,
    /// <summary>The HVM (src/Hvm): the image boots in KVM inside this process, at native speed.</summary>
    Hvm,
}

/// <summary>
/// Builds and runs the applications of apps/ on both platforms: the NativeAOT Linux executable
/// as a process, and the HRT image under QEMU (or, once src/Hvm lands, the HVM).
/// </summary>
public static class AppRunner
{
    /// <summary>Publishes the app's Linux project (NativeAOT) and returns the executable.</summary>
    public static string PublishLinux(AppSpec app, Terminal? progress = null)
    {
        progress?.Progress("build", $"{app.LinuxExecutableName} (NativeAOT) ...");
        var output = new List<string>();
        var result = ChildProcess.Run(
            "dotnet",
            ["publish", app.LinuxProject, "-c", "Release", "-nologo", "-tl:off", "-clp:NoSummary"],
            line => { lock (output) output.Add(line); },
            line => { lock (output) output.Add(line); },
            environment: MsBuild.Environment);
        if (result.ExitCode != 0)
            throw new NacreException($"publishing {app.LinuxExecutableName} failed:\n{string.Join('\n', ProjectBuilder.ErrorLines(output))}");
        var executable = Path.Combine(app.LinuxProject, "bin", "Release", "net10.0", "linux-x64", "publish", app.LinuxExecutableName);
        if (!File.Exists(executable))
            throw new NacreException($"publishing {app.LinuxExecutableName} produced no {executable}");
        progress?.Progress("build", $"{app.LinuxExecutableName} done in {Seconds.Format(result.Elapsed)}");
        return executable;
    }

    /// <summary>Builds the app's HRT image.</summary>
    public static string BuildHrt(AppSpec app, Terminal? progress = null) => ProjectBuilder.Build(app.HrtProject, progress).Image;

    /// <summary>Runs the Linux executable with (size, workers) and parses its output.</summary>
    public static AppOutput RunLinux(string executable, string size, int workers, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var lines = new List<string>();
        var result = ChildProcess.Run(executable, [size, workers.ToString()],
            line => { lock (lines) lines.Add(line); }, line => { lock (lines) lines.Add("stderr: " + line); },
            timeout: timeout, cancellation: cancellation);
        if (result.Cancelled) throw new OperationCanceledException(cancellation);
        if (result.TimedOut) throw new NacreException($"{Path.GetFileName(executable)} {size} {workers} timed out after {Seconds.Format(timeout)}");
        var output = AppOutput.Parse(lines);
        return result.ExitCode == 0 || !output.Passed ? output : output with { Passed = false, Failure = $"exit code {result.ExitCode}" };
    }

    /// <summary>
    /// Boots an HRT image on cpus CPUs with the given kernel arguments and returns its console
    /// lines: the one place that knows how an image is run (QEMU or the HVM, through
    /// MachineRunner as `nacre run` does).
    /// With traceOutput, the run is traced (QEMU only) and the trace written there as Chrome
    /// trace-event JSON; onTraced gets the summary line.
    /// </summary>
    public static IReadOnlyList<string> RunHrt(string image, int cpus, IReadOnlyList<string> arguments, int memoryMiB, TimeSpan timeout,
        HrtMode mode = HrtMode.Qemu, CancellationToken cancellation = default, string? traceOutput = null, Action<string>? onTraced = null)
    {
        var lines = new List<string>();
        var options = new QemuOptions(image)
        {
            Cpus = cpus, MemoryMiB = memoryMiB, KernelArguments = arguments, Timeout = timeout,
            Machine = mode == HrtMode.Hvm ? MachineKind.Hvm : MachineKind.Qemu,
        };
        if (traceOutput is not null)
            options = Tracing.TraceCapture.Prepare(options, traceOutput);
        var run = MachineRunner.Run(options, line => { lock (lines) lines.Add(line); }, cancellation);
        switch (run.Status.Kind)
        {
            case ExitKind.Exited:
                if (traceOutput is not null)
                    onTraced?.Invoke(Tracing.TraceCapture.Finish(options, traceOutput));
                return lines;
            case ExitKind.Panicked:
                throw new NacreException($"{Path.GetFileName(image)} panicked:\n{string.Join('\n', lines.TakeLast(20))}");
            case ExitKind.TimedOut:
                throw new NacreException($"{Path.GetFileName(image)} timed out after {Seconds.Format(timeout)}");
            default:
                throw new NacreException($"{Path.GetFileName(image)} did not finish normally ({run.Detail ?? "QEMU status " + run.QemuExitCode}):\n{run.QemuStderr}");
        }
    }

    public static AppOutput RunHrtApp(string image, string size, int cpus, int memoryMiB, TimeSpan timeout, HrtMode mode = HrtMode.Qemu,
        CancellationToken cancellation = default, string? traceOutput = null, Action<string>? onTraced = null) =>
        AppOutput.Parse(RunHrt(image, cpus, [size, cpus.ToString()], memoryMiB, timeout, mode, cancellation, traceOutput, onTraced));

    /// <summary>
    /// The HVM Invoke path: the Linux executable boots the HRT image itself (--hvm), builds the
    /// problem in the shared arena and calls the image's export on it (apps/Common/Linux).
    /// </summary>
    public static AppOutput RunInvoke(string executable, string image, string size, int workers, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var lines = new List<string>();
        var result = ChildProcess.Run(executable, [size, workers.ToString(), "--hvm", image],
            line => { lock (lines) lines.Add(line); }, line => { lock (lines) lines.Add("stderr: " + line); },
            timeout: timeout, cancellation: cancellation);
        if (result.Cancelled) throw new OperationCanceledException(cancellation);
        if (result.TimedOut) throw new NacreException($"{Path.GetFileName(executable)} --hvm timed out after {Seconds.Format(timeout)}");
        var output = AppOutput.Parse(lines);
        return result.ExitCode == 0 || !output.Passed ? output : output with { Passed = false, Failure = $"exit code {result.ExitCode}" };
    }

    /// <summary>Whether images can run in the HVM here, and if not why.</summary>
    public static bool HvmUsable(out string reason) => Machines.HvmRunner.IsUsable(out reason);
}
