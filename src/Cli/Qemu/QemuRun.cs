namespace Nacre.Cli.Qemu;

/// <summary>The outcome of one boot: how it ended, what QEMU said on stderr, how long it took.</summary>
public sealed record QemuRun(ExitStatus Status, int QemuExitCode, string QemuStderr, TimeSpan Elapsed);
