using System.Runtime.InteropServices;

namespace Nacre.Abi
{
    /// <summary>
    /// Offsets in the hypercall page (GuestPhysical.HypercallAddress; docs/hvm.md, "Hypercall
    /// page"): the guest stores a value at one of them and the VMM acts on the MMIO exit before
    /// the store completes. Works at CPL 3, unlike port I/O.
    /// </summary>
    public static class Hypercalls
    {
        /// <summary>u8: one console byte.</summary>
        public const ulong ConsoleByte = 0x00;
        /// <summary>u64: the address of a ConsoleWriteDescriptor; the VMM writes its bytes.</summary>
        public const ulong ConsoleWrite = 0x08;
        /// <summary>u32: exit with this code (KernelExitCode.Panic for a panic); the VM stops.</summary>
        public const ulong Exit = 0x10;
        /// <summary>u64: Main is starting (boot timing).</summary>
        public const ulong MainStarting = 0x18;
        /// <summary>u64: every CPU serves invokes; the value is what Main returned.</summary>
        public const ulong Ready = 0x20;
        /// <summary>u64: the upcall doorbell; the host's upcall service runs on this vCPU's thread.</summary>
        public const ulong UpcallDoorbell = 0x28;
        /// <summary>u64: park (paravirtual idle) with the address of this vCPU's ParkBlock.</summary>
        public const ulong Park = 0x30;
        /// <summary>u32: kick this vCPU index out of its park (or end its next one at once).</summary>
        public const ulong Kick = 0x38;
    }

    /// <summary>What a store to Hypercalls.ConsoleWrite points at: Length bytes at Address (identity-mapped RAM or arena).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct ConsoleWriteDescriptor
    {
        [FieldOffset(0)] public ulong Address;
        [FieldOffset(8)] public ulong Length;
    }
}
