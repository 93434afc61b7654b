using Nacre.Cli.Infrastructure;
using Nacre.Cli.Qemu;

namespace Nacre.Cli.Running;

/// <summary>What to boot: an image, on how many CPUs, with which kernel command line.</summary>
public sealed record ImageRunRequest(string Image, int Cpus, IReadOnlyList<string> KernelArguments)
{
    public int MemoryMiB { get; init; } = 256;
    public TimeSpan Timeout { get; init; } = QemuOptions.DefaultTimeout;
}

/// <summary>How a boot ended and everything the guest printed, line by line.</summary>
public sealed record ImageRunResult(ExitKind Kind, int ExitCode, IReadOnlyList<string> ConsoleLines, TimeSpan Elapsed, string Diagnostics);

/// <summary>
/// Running an image is one function: (image, CPUs, kernel arguments) → console lines and how it
/// ended. QEMU implements it today; the HVM (src/Hvm) is the other backend (see <see cref="HvmImageRunner"/>).
/// </summary>
public interface IImageRunner
{
    /// <summary>Short name for progress lines ("qemu", "hvm").</summary>
    string Name { get; }

    /// <param name="onLine">Receives each console line as it arrives (also collected in the result).</param>
    ImageRunResult Run(ImageRunRequest request, Action<string>? onLine, CancellationToken cancellation);
}

/// <summary>QEMU (TCG by default, see docs/cli.md); <paramref name="accelerator"/> "kvm" runs it natively on a VT-x/AMD-V host.</summary>
public sealed class QemuImageRunner(string accelerator = QemuOptions.DefaultAccelerator) : IImageRunner
{
    public string Name => accelerator.StartsWith("kvm", StringComparison.Ordinal) ? "qemu-kvm" : "qemu";

    public ImageRunResult Run(ImageRunRequest request, Action<string>? onLine, CancellationToken cancellation)
    {
        var options = new QemuOptions(request.Image)
        {
            Cpus = request.Cpus,
            MemoryMiB = request.MemoryMiB,
            Timeout = request.Timeout,
            KernelArguments = request.KernelArguments,
            Accelerator = accelerator,
        };
        var lines = new List<string>();
        var run = QemuRunner.Run(options, line =>
        {
            lock (lines)
                lines.Add(line);
            onLine?.Invoke(line);
        }, cancellation);
        return new ImageRunResult(run.Status.Kind, run.Status.Code, lines, run.Elapsed, run.QemuStderr);
    }
}

/// <summary>
/// The HVM backend: boots the image inside this process through src/Hvm (docs/hvm.md).
/// TODO(HVM hookup): implement <see cref="Run"/> with
/// <c>Hrt.Start(request.Image, new HrtOptions { Cpus = request.Cpus, MemoryBytes = request.MemoryMiB * HrtOptions.MiB,
/// CommandLine = string.Join(' ', request.KernelArguments), Serve = false, ConsoleLine = collect + onLine })</c>,
/// then <c>WaitForExitAsync()</c> → ExitKind.Exited with Main's value (a panic or fault → ExitKind.Panicked,
/// the timeout → ExitKind.TimedOut). Nothing else in `nacre bench` changes: the kernel reports its mode
/// (hvm-ring0 / hvm-deprivileged) itself.
/// </summary>
public sealed class HvmImageRunner : IImageRunner
{
    public string Name => "hvm";

    public ImageRunResult Run(ImageRunRequest request, Action<string>? onLine, CancellationToken cancellation) =>
        throw new NacreException("the HVM backend is not wired into nacre yet (src/Cli/Running/ImageRunner.cs: HvmImageRunner.Run); use --qemu");
}
