using Nacre.Cli.Hvm;

namespace Nacre.Cli.Qemu;

/// <summary>Boots an image on the machine its options name (QEMU or the HVM).</summary>
public static class MachineRunner
{
    public static QemuRun Run(QemuOptions options, Action<string> onConsoleLine, CancellationToken cancellation = default,
        Action<string>? onQemuStderrLine = null) =>
        options.Machine == MachineKind.Hvm
            ? HvmRunner.Run(options, onConsoleLine, cancellation)
            : QemuRunner.Run(options, onConsoleLine, cancellation, onQemuStderrLine);

    /// <summary>One line for the progress output: which machine, how it is configured.</summary>
    public static string Describe(QemuOptions options) =>
        options.Machine == MachineKind.Hvm
            ? $"hvm ({options.Privilege switch { Nacre.Hvm.PrivilegeMode.Ring0 => "ring 0", Nacre.Hvm.PrivilegeMode.Deprivileged => "deprivileged", _ => "privilege from the host's KVM" }}) "
              + $"{options.Cpus} vCPU(s), {options.MemoryMiB} MiB: {options.Image}"
              + (options.KernelArguments.Count > 0 ? $" \"{string.Join(' ', options.KernelArguments)}\"" : "")
            : QemuCommandLine.Describe(options);
}
