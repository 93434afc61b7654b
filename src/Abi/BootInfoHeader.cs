using System.Runtime.InteropServices;

namespace Nacre.Abi
{
    /// <summary>
    /// The head of the boot info page at GuestPhysical.BootInfoAddress (docs/hvm.md, "Boot info"):
    /// written by the VMM before any vCPU runs, read by the kernel's first C# (and hvm.S reads Flags).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 0x80)]
    public struct BootInfoHeader
    {
        /// <summary>The bytes "NACRHVM1".</summary>
        public const ulong ExpectedMagic = 0x314D56485243414EUL;
        public const uint CurrentVersion = 2;

        [FieldOffset(0x00)] public ulong Magic;
        [FieldOffset(0x08)] public uint Version;
        [FieldOffset(0x0C)] public uint CpuCount;
        /// <summary>BootFlags.</summary>
        [FieldOffset(0x10)] public uint Flags;
        [FieldOffset(0x14)] public uint MemoryMapCount;
        /// <summary>MemoryMapCount MemoryMapEntry records.</summary>
        [FieldOffset(0x18)] public ulong MemoryMapAddress;
        /// <summary>From KVM_GET_TSC_KHZ: the kernel does not calibrate.</summary>
        [FieldOffset(0x20)] public ulong TscKhz;
        [FieldOffset(0x28)] public ulong ArenaPhysical;
        /// <summary>The host's virtual address of the arena, where the kernel maps it too.</summary>
        [FieldOffset(0x30)] public ulong ArenaVirtual;
        [FieldOffset(0x38)] public ulong ArenaBytes;
        /// <summary>NUL-terminated ASCII within the boot info page.</summary>
        [FieldOffset(0x40)] public ulong CommandLineAddress;
        [FieldOffset(0x48)] public ulong MailboxAddress;
        [FieldOffset(0x50)] public ulong HypercallAddress;
        [FieldOffset(0x58)] public ulong ApicTimerHz;
        [FieldOffset(0x60)] public uint ModuleCount;
        /// <summary>ModuleCount ModuleEntry records.</summary>
        [FieldOffset(0x68)] public ulong ModuleTableAddress;
        /// <summary>The host's time of day when it wrote the boot info, in ns since the Unix epoch.</summary>
        [FieldOffset(0x70)] public ulong WallClockNs;
        /// <summary>Where the kernel stores its boot stamps, or 0: none.</summary>
        [FieldOffset(0x78)] public ulong TimelineAddress;
    }

    /// <summary>BootInfoHeader.Flags.</summary>
    public static class BootFlags
    {
        /// <summary>All C# runs at CPL 3 (hvm.S drops there before any C#).</summary>
        public const uint Deprivileged = 1;
        /// <summary>Idle CPUs halt (or park), so the host follows an invoke with an MSI and a kick; else they poll.</summary>
        public const uint HaltWhenIdle = 2;
        /// <summary>Serve invokes after Main returns, instead of exiting with its value.</summary>
        public const uint Serve = 4;
    }
}
