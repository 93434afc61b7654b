namespace Nacre.Host.Machines;

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

    /// <summary>
    /// Running an image is one function: (image, CPUs, kernel arguments in <paramref name="options"/>)
    /// → every console line and how the run ended, on QEMU or in the HVM (as nacre run).
    /// </summary>
    public static (QemuRun Run, IReadOnlyList<string> Lines) RunCollectingLines(QemuOptions options, Action<string>? onLine, CancellationToken cancellation)
    {
        var lines = new List<string>();
        var run = Run(options, line =>
        {
            lock (lines)
                lines.Add(line);
            onLine?.Invoke(line);
        }, cancellation);
        return (run, lines);
    }
}
