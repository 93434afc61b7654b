namespace Nacre.Arch.X64
{
    /// <summary>
    /// What the kernel is running on, and how it leaves: QEMU or bare metal (multiboot; exit through
    /// QEMU's isa-debug-exit port, which turns a write of v into exit status 2v+1) or Nacre's own
    /// VMM (exit through the hypercall page, docs/hvm.md).
    /// </summary>
    internal static unsafe class Platform
    {
        private const ushort DebugExitPort = 0xF4;
        private const ushort ResetControlPort = 0xCF9;  // PIIX/ICH reset control register
        private const ushort KeyboardControllerPort = 0x64;

        /// <summary>Exit code reported for a kernel panic (QEMU status 255).</summary>
        public const int PanicExitCode = Nacre.Abi.KernelExitCode.Panic;

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

        /// <summary>Resets the machine (every CPU), like the reset button. Never returns.</summary>
        public static void Reset()
        {
            Cpu.DisableInterrupts();
            Cpu.OutB(ResetControlPort, 0x02);           // select a hard reset ...
            Cpu.OutB(ResetControlPort, 0x06);           // ... and do it
            for (int i = 0; i < 100000 && (Cpu.InB(KeyboardControllerPort) & 0x02) != 0; i++) Cpu.Pause();
            Cpu.OutB(KeyboardControllerPort, 0xFE);     // the 8042's reset line
            // Last resort: a fault with an empty IDT becomes a triple fault, which resets the CPU.
            ulong* emptyIdt = stackalloc ulong[2];
            emptyIdt[0] = 0;
            emptyIdt[1] = 0;
            Cpu.LoadIdt(emptyIdt);
            System.Threading.Volatile.Write(ref *(int*)0, 0);   // page 0 is unmapped
            Cpu.Stop();
        }
    }
}
