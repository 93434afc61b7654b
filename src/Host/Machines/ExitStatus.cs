namespace Nacre.Host.Machines;

public enum ExitKind
{
    /// <summary>The HRT returned from Main; <see cref="ExitStatus.Code"/> is its value (0..126).</summary>
    Exited,

    /// <summary>The kernel panicked (it wrote 127 to the debug-exit port).</summary>
    Panicked,

    /// <summary>The guest reset or powered off without reporting, e.g. a triple fault under -no-reboot.</summary>
    SilentReset,

    /// <summary>QEMU itself failed, e.g. it rejected the image or an option.</summary>
    QemuFailed,

    /// <summary>nacre killed QEMU because the timeout expired.</summary>
    TimedOut,

    /// <summary>The HVM stopped the guest: a triple fault, an emulation failure, an exit the VMM
    /// does not serve; <see cref="QemuRun.Detail"/> has the VMM's account with registers.</summary>
    Faulted,
}

/// <summary>
/// Decodes QEMU's process exit status under the isa-debug-exit protocol. A guest write of v to
/// the port makes QEMU exit with (v &lt;&lt; 1) | 1, so odd statuses come from the guest. QEMU's
/// own failures exit with 1 too, which is also the guest's v = 0; the two are told apart by QEMU's
/// stderr, which holds an error line only in the failure case.
/// </summary>
public sealed record ExitStatus(ExitKind Kind, int Code)
{
    /// <summary>The value the kernel writes to the debug-exit port when it panics.</summary>
    public const int PanicValue = Nacre.Abi.KernelExitCode.Panic;

    public static ExitStatus Decode(int qemuExitCode, string qemuStderr)
    {
        if (qemuExitCode == 0)
            return new ExitStatus(ExitKind.SilentReset, 0);
        if (qemuExitCode == 1 && HasQemuError(qemuStderr))
            return new ExitStatus(ExitKind.QemuFailed, qemuExitCode);
        if ((qemuExitCode & 1) == 0 || qemuExitCode > 255)
            return new ExitStatus(ExitKind.QemuFailed, qemuExitCode);

        var value = qemuExitCode >> 1;
        return value == PanicValue
            ? new ExitStatus(ExitKind.Panicked, value)
            : new ExitStatus(ExitKind.Exited, value);
    }

    public static ExitStatus TimeoutExpired { get; } = new(ExitKind.TimedOut, 0);

    /// <summary>
    /// QEMU prefixes its messages with its program name ("qemu-system-x86_64: ..."); warnings
    /// say "warning:" and do not make it fail.
    /// </summary>
    public static bool HasQemuError(string stderr) =>
        stderr.Split('\n').Any(line =>
            line.StartsWith("qemu-system-", StringComparison.Ordinal) &&
            line.Contains(": ", StringComparison.Ordinal) &&
            !line.Contains("warning:", StringComparison.OrdinalIgnoreCase));
}
