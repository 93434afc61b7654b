using Nacre.Host.Infrastructure;
using Nacre.Host.Tracing;

namespace Nacre.Host.Machines;

/// <summary>Which machine boots an image: the HVM where it can, QEMU where asked or needed.</summary>
public static class MachineChoice
{
    /// <summary>The error for --gdb in the HVM.</summary>
    public const string GdbHvmNotYet = "--gdb needs QEMU for now: the HVM has no gdb stub yet (use --qemu, or leave out --hvm)";

    /// <summary>
    /// The HVM when it can run here and nothing asks for QEMU: --qemu, QEMU arguments, and the
    /// shell (the HVM's console has no input) all mean QEMU.
    /// </summary>
    public static MachineKind Choose(QemuOptions options, bool qemu, bool hvm, bool traced = false)
    {
        if (qemu && hvm)
            throw new NacreException("--qemu and --hvm contradict each other");
        if (hvm)
        {
            if (options.GdbPort is not null)
                throw new NacreException(GdbHvmNotYet);
            if (traced)
                throw new NacreException(TraceCapture.HvmNotYet);
            if (options.Interactive)
                throw new NacreException("--shell needs QEMU: the HVM's console has no input");
            if (options.ExtraQemuArguments.Count > 0)
                throw new NacreException("--qemu-arg needs QEMU");
            if (!HvmRunner.IsUsable(out var reason))
                throw new NacreException($"--hvm: {reason}");
            return MachineKind.Hvm;
        }
        if (qemu || options.Interactive || options.ExtraQemuArguments.Count > 0 || options.GdbPort is not null || traced)
            return MachineKind.Qemu;
        return HvmRunner.IsUsable(out _) ? MachineKind.Hvm : MachineKind.Qemu;
    }
}
