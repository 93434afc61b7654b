namespace Nacre.Host.Machines;

/// <summary>The outcome of one boot (under QEMU or the HVM): how it ended, what QEMU said on
/// stderr, how long it took.</summary>
public sealed record QemuRun(ExitStatus Status, int QemuExitCode, string QemuStderr, TimeSpan Elapsed)
{
    /// <summary>For <see cref="ExitKind.Faulted"/>: the HVM's description of the failure.</summary>
    public string? Detail { get; init; }
}
