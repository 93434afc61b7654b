using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// The one gate to privileged and special instructions (cpu.S). Nothing outside arch/x64
    /// executes them directly, so a deprivileged kernel can redirect exactly these.
    /// </summary>
    internal static unsafe class Cpu
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_outb")]
        public static extern void OutB(ushort port, byte value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_inb")]
        public static extern byte InB(ushort port);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_outw")]
        public static extern void OutW(ushort port, ushort value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_outl")]
        public static extern void OutL(ushort port, uint value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_cr0")]
        public static extern ulong ReadCr0();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_cr2")]
        public static extern ulong ReadCr2();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_cr3")]
        public static extern ulong ReadCr3();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_cr4")]
        public static extern ulong ReadCr4();

        /// <summary>Switches the address space (page-table root); flushes non-global TLB entries.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_write_cr3")]
        public static extern void WriteCr3(ulong value);

        /// <summary>Drops this CPU's TLB entry for the page holding address (other CPUs keep theirs).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_invlpg")]
        public static extern void InvalidatePage(ulong address);

        /// <summary>Drops all of this CPU's non-global TLB entries (after splitting a large page).</summary>
        public static void FlushTlb() => WriteCr3(ReadCr3());

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_rdmsr")]
        public static extern ulong ReadMsr(uint msr);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_wrmsr")]
        public static extern void WriteMsr(uint msr, ulong value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_lidt")]
        public static extern void LoadIdt(void* pointer);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_enable_interrupts")]
        public static extern void EnableInterrupts();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_disable_interrupts")]
        public static extern void DisableInterrupts();

        /// <summary>
        /// The per-CPU structure whose pointer is at perCpuOffset in this CPU's PerCpu, with its first
        /// int (a busy word) claimed 0 → 1 in one instruction; null if there is none or it is busy.
        /// Release with Volatile.Write(ref word, 0). Only for structures nothing but this CPU touches.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_claim_cpu_local")]
        public static extern void* ClaimCpuLocal(long perCpuOffset);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_save_flags_cli")]
        public static extern ulong SaveFlagsAndDisableInterrupts();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_restore_flags")]
        public static extern void RestoreFlags(ulong flags);

        /// <summary>sti; hlt as one step: a wake-up interrupt arriving after a check made with IF=0 is not lost.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_enable_interrupts_and_halt")]
        public static extern void EnableInterruptsAndHalt();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_flags")]
        public static extern ulong ReadFlags();

        /// <summary>True when maskable interrupts are enabled on this CPU (RFLAGS.IF).</summary>
        public static bool InterruptsEnabled => (ReadFlags() & (1UL << 9)) != 0;

        /// <summary>Stops this CPU for good.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_stop")]
        public static extern void Stop();

        /// <summary>Drops the calling CPU to CPL 3 for good (deprivileged mode, deprivileged.S);
        /// returns to the caller there. Needs the CPU's GS base and TSS.RSP0 set, interrupts off.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_enter_deprivileged")]
        public static extern void EnterDeprivileged();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_cs")]
        private static extern ulong ReadCs();

        /// <summary>True when this code runs at CPL 3.</summary>
        public static bool AtUserLevel => (ReadCs() & 3) == 3;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_rdtsc")]
        public static extern ulong ReadTsc();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_pause")]
        public static extern void Pause();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_rbp")]
        public static extern ulong ReadFramePointer();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_cpuid")]
        private static extern void CpuidRaw(uint leaf, uint subleaf, uint* out4);

        public static CpuidResult Cpuid(uint leaf, uint subleaf = 0)
        {
            CpuidResult r;
            CpuidRaw(leaf, subleaf, (uint*)&r);
            return r;
        }

        private const uint GsBaseMsr = 0xC0000101;

        /// <summary>Points GS at this CPU's per-CPU area.</summary>
        public static void SetGsBase(ulong address) => WriteMsr(GsBaseMsr, address);

        private const uint EferMsr = 0xC0000080;
        private const ulong EferNoExecuteEnable = 1UL << 11;

        /// <summary>
        /// Sets EFER.NXE so that page-table entries may carry the no-execute bit. Must be on (on
        /// every CPU) before a page table with NX bits is loaded: without it bit 63 is reserved.
        /// </summary>
        public static void EnableNoExecute() => WriteMsr(EferMsr, ReadMsr(EferMsr) | EferNoExecuteEnable);

        public static bool NoExecuteEnabled => (ReadMsr(EferMsr) & EferNoExecuteEnable) != 0;

        /// <summary>CPUID 0x80000001 EDX bit 26: 1 GiB pages in the PDPT.</summary>
        public static bool SupportsGigabytePages => ExtendedFeatureEdx(26);

        /// <summary>CPUID 0x80000001 EDX bit 20: the NX (execute-disable) page bit.</summary>
        public static bool SupportsNoExecute => ExtendedFeatureEdx(20);

        private static bool ExtendedFeatureEdx(int bit)
        {
            if (Cpuid(0x80000000).Eax < 0x80000001) return false;
            return (Cpuid(0x80000001).Edx & (1u << bit)) != 0;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_write_fsbase")]
        private static extern void WriteFsBase(ulong value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_fsbase")]
        private static extern ulong ReadFsBase();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_use_fsgsbase")]
        private static extern void UseFsGsBase();

        private static bool s_fsGsBase;

        private const ulong Cr4FsGsBase = 1UL << 16;

        /// <summary>
        /// Decides how the thread pointer (FS base) is written: wrfsbase when boot set
        /// CR4.FSGSBASE (cpusetup.h, on every CPU alike), else the FS_BASE MSR. Called once, on the
        /// boot CPU, before any thread has a thread pointer.
        /// </summary>
        public static void InitializeThreadPointer()
        {
            // kvm-pvm does not enforce CR4.FSGSBASE at CPL 3 (nor show the bit the VMM set):
            // there the CPUID bit is what counts (DESIGN: measured 35-39 cycles per wrfsbase).
            bool usable = (ReadCr4() & Cr4FsGsBase) != 0
                || (Platform.IsHvm && Platform.Deprivileged && Cpuid(0).Eax >= 7 && (Cpuid(7).Ebx & 1) != 0);
            if (!usable) return;
            UseFsGsBase();
            s_fsGsBase = true;
        }

        /// <summary>True when the thread pointer is switched with wrfsbase (cheap), not the MSR.</summary>
        public static bool ThreadPointerIsCheap => s_fsGsBase;

        /// <summary>Sets this CPU's FS base: the thread pointer of the .NET-world code it runs next.</summary>
        public static void WriteThreadPointer(ulong value) => WriteFsBase(value);

        public static ulong ReadThreadPointer() => ReadFsBase();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_xgetbv0")]
        private static extern ulong XGetBv0();

        /// <summary>XCR0 (call only when CPUID.1:ECX.OSXSAVE is set).</summary>
        public static ulong ReadXcr0() => XGetBv0();

        /// <summary>Initial APIC id of the executing CPU (CPUID leaf 1); works at any privilege level.</summary>
        public static uint CurrentApicId => Cpuid(1).Ebx >> 24;
    }

    public struct CpuidResult
    {
        public uint Eax, Ebx, Ecx, Edx;
    }
}
