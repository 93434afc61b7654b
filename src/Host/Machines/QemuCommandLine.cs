namespace Nacre.Host.Machines;

/// <summary>The QEMU argument list for booting a Nacre image; see docs/cli.md.</summary>
public static class QemuCommandLine
{
    /// <summary>The I/O port of QEMU's isa-debug-exit device, written by the kernel to end the run.</summary>
    public const string DebugExitPort = "0xf4";

    public static IReadOnlyList<string> Build(QemuOptions options)
    {
        List<string> arguments = ["-kernel", options.Image];
        if (options.Interactive)
            // Keystrokes, Ctrl-C too, go to the guest (signal=off); the multiplexer's Ctrl-A x quits.
            arguments.AddRange(["-chardev", "stdio,id=console,signal=off,mux=on", "-serial", "chardev:console"]);
        else
            arguments.AddRange(["-serial", "stdio"]);   // COM1 is the kernel's console; it becomes our stdout
        if (options.TraceDump is not null)
            arguments.AddRange(["-serial", $"file:{options.TraceDump}"]);   // COM2: the trace dump
        arguments.AddRange(["-display", "none", "-monitor", "none"]);   // keep stdio for the serial port alone
        if (!options.Interactive)
            arguments.Add("-no-reboot");                // a triple fault ends the run instead of looping
        arguments.AddRange(
        [
            "-nodefaults",
            "-device", $"isa-debug-exit,iobase={DebugExitPort},iosize=4",
            "-m", options.MemoryMiB.ToString(),
            "-smp", options.Cpus.ToString(),
            // TCG, never KVM by default: this host's kvm-pvm cannot run SSE at CPL 0 (DESIGN.md).
            "-accel", options.Accelerator,
            // 1 GiB pages, x2APIC, etc. visible to the guest
            "-cpu", options.Accelerator.StartsWith("kvm", StringComparison.Ordinal) ? "host" : "max",
        ]);
        if (options.KernelArguments.Count > 0)
            arguments.AddRange(["-append", string.Join(' ', options.KernelArguments)]);
        if (options.Modules.Count > 0)
            arguments.AddRange(["-initrd", InitrdArgument(options.Modules)]);
        if (options.GdbPort is { } port)
            arguments.AddRange(["-gdb", $"tcp:127.0.0.1:{port}", "-S"]);   // stopped until the debugger says continue
        arguments.AddRange(options.ExtraQemuArguments);
        return arguments;
    }

    /// <summary>
    /// QEMU's multiboot modules: "file name" pairs separated by commas (a comma inside is doubled).
    /// The module's command line, which the kernel reads as its name, is the whole pair; the
    /// kernel takes the last word.
    /// </summary>
    public static string InitrdArgument(IReadOnlyList<Nacre.Hvm.HrtModule> modules) =>
        string.Join(',', modules.Select(m =>
        {
            if (m.Path.Contains(' ') || m.Name.Contains(' '))
                throw new Infrastructure.NacreException($"module '{m.Path}' ({m.Name}): QEMU's -initrd cannot pass a path or name with spaces");
            return $"{m.Path.Replace(",", ",,")} {m.Name.Replace(",", ",,")}";
        }));

    /// <summary>The short form shown in the <c>[boot]</c> progress line.</summary>
    public static string Describe(QemuOptions options)
    {
        var text = $"qemu -smp {options.Cpus} -m {options.MemoryMiB} {options.Image}";
        if (options.KernelArguments.Count > 0)
            text += $" -append \"{string.Join(' ', options.KernelArguments)}\"";
        if (options.ExtraQemuArguments.Count > 0)
            text += " " + string.Join(' ', options.ExtraQemuArguments);
        return text;
    }
}
