namespace Nacre.Arch.X64
{
    /// <summary>
    /// What the kernel is running on, and how it leaves: QEMU or bare metal (multiboot; exit through
    /// QEMU's isa-debug-exit port, which turns a write of v into exit status 2v+1) or Nacre's own
    /// VMM (exit through the hypercall page, docs/hvm.md).
    /// </summary>
    internal static class Platform
    {
        private const ushort DebugExitPort = 0xF4;

        /// <summary>Exit code reported for a kernel panic (QEMU status 255).</summary>
        public const int PanicExitCode = 127;

        /// <summary>Booted by Nacre's VMM through nacre_hvm_entry.</summary>
        public static bool IsHvm;

        /// <summary>
        /// The kernel's C# runs at CPL 3 (deprivileged.S): asked for on the command line
        /// (`deprivileged`) or by the VMM. Decided before paging is set up; only arch/x64 and the
        /// page tables' user bit depend on it.
        /// </summary>
        public static bool Deprivileged;

        public static void Exit(int code)
        {
            if (IsHvm) Hypercall.Exit(code & 0x7F);
            else Cpu.OutL(DebugExitPort, (uint)code & 0x7F);
            // Not under QEMU (or the device is absent): stop here.
            Cpu.Stop();
        }
    }
}
