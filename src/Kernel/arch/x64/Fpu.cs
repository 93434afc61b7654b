using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// How much extended state (x87, SSE, AVX …) an interrupted context has, and so how trap
    /// entry saves it: with XSAVE of every component XCR0 enables when that goes beyond x87 and
    /// SSE (boot enabled AVX in ring 0, cpusetup.h; a VMM may have enabled more), else FXSAVE.
    /// A thread preempted in AVX code then gets its YMM registers back intact.
    /// </summary>
    public static unsafe class Fpu
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_set_fpu_save")]
        private static extern void SetSave(ulong areaBytes, ulong xsaveMask);

        private const ulong X87AndSse = 3;
        private static ulong s_areaBytes = 512, s_mask;

        /// <summary>Bytes trap entry reserves for the saved state (below the TrapFrame, 64-byte aligned).</summary>
        public static ulong AreaBytes => s_areaBytes;

        /// <summary>The state components saved with XSAVE (XCR0), or 0 when trap entry uses FXSAVE.</summary>
        public static ulong XsaveMask => s_mask;

        /// <summary>Reads XCR0 on the boot CPU (every CPU sets it alike) and tells trap entry. Before interrupts are enabled.</summary>
        public static void Initialize()
        {
            if ((Cpu.Cpuid(1).Ecx & (1u << 27)) == 0) return;   // OSXSAVE off: x87 and SSE only
            ulong xcr0 = Cpu.ReadXcr0();
            if ((xcr0 & ~X87AndSse) == 0) return;
            s_mask = xcr0;
            s_areaBytes = Cpu.Cpuid(0xD, 0).Ebx;                // the XSAVE area for what XCR0 enables
            SetSave(s_areaBytes, s_mask);
        }
    }
}
