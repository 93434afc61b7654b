using System.Threading;
using Nacre.Acpi;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// The local APIC of each CPU: x2APIC through MSRs when CPUID.1:ECX[21] says so (preferred: no
    /// MMIO, one-write IPIs), else xAPIC through MMIO at the IA32_APIC_BASE/MADT address (identity
    /// mapped below 4 GiB). Registers are named by their xAPIC offset; x2APIC MSR = 0x800 + offset/16.
    /// </summary>
    internal static unsafe class Lapic
    {
        private const uint ApicBaseMsr = 0x1B;
        private const ulong BaseEnable = 1UL << 11, BaseX2Apic = 1UL << 10, DefaultBase = 0xFEE00000;

        public const uint RegId = 0x20, RegVersion = 0x30, RegTpr = 0x80, RegEoi = 0xB0, RegSvr = 0xF0,
            RegEsr = 0x280, RegIcrLow = 0x300, RegIcrHigh = 0x310, RegLvtTimer = 0x320, RegLvtLint0 = 0x350,
            RegLvtLint1 = 0x360, RegLvtError = 0x370, RegTimerInitial = 0x380, RegTimerCurrent = 0x390, RegTimerDivide = 0x3E0;

        public const uint LvtMasked = 1u << 16;

        // ICR: delivery mode (bits 8-10), level assert (14), trigger level (15), destination shorthand (18-19).
        public const uint IcrFixed = 0, IcrInit = 5u << 8, IcrStartup = 6u << 8, IcrAssert = 1u << 14, IcrLevel = 1u << 15;
        public const uint IcrSelf = 1u << 18, IcrAllIncludingSelf = 2u << 18, IcrAllExcludingSelf = 3u << 18;
        private const uint IcrPending = 1u << 12;

        private static bool s_x2;
        private static byte* s_mmio;

        /// <summary>True when the APICs run in x2APIC mode (decided once, on the boot CPU).</summary>
        public static bool X2Apic => s_x2;

        /// <summary>Enables this CPU's local APIC (the boot CPU first: it picks the mode). Timer and LINT0 masked.</summary>
        public static void InitializeThisCpu(bool bootCpu, byte spuriousVector, byte errorVector)
        {
            // Nacre's VMM hands every vCPU an enabled xAPIC at the architectural address (KVM's
            // reset state): no MSR to read or write, each of which is a ring-0 gate trip there.
            bool hvmDefault = Platform.IsHvm && Platform.Deprivileged;
            ulong baseMsr = hvmDefault ? DefaultBase | BaseEnable : Cpu.ReadMsr(ApicBaseMsr);
            if (bootCpu)
            {
                // Deprivileged, an MSR access is a trip through the emulated ring-0 gate, while an
                // xAPIC register is a user-accessible MMIO page: stay in xAPIC mode there.
                s_x2 = (Cpu.Cpuid(1).Ecx & (1u << 21)) != 0 && !Platform.Deprivileged;
                ulong address = baseMsr & 0xFFFFFF000UL;
                if (address == 0) address = Madt.LocalApicAddress;
                s_mmio = (byte*)address;
            }
            // xAPIC → x2APIC must go through enabled xAPIC; both bits may be set in one write from enabled.
            baseMsr |= BaseEnable;
            if (!hvmDefault) Cpu.WriteMsr(ApicBaseMsr, baseMsr);
            if (s_x2) Cpu.WriteMsr(ApicBaseMsr, baseMsr | BaseX2Apic);

            Write(RegTpr, 0);                               // accept every priority
            Write(RegLvtTimer, LvtMasked);
            Write(RegLvtLint0, LvtMasked);                  // the 8259's virtual wire: the PICs are masked anyway
            Write(RegLvtError, errorVector);
            Write(RegEsr, 0);                               // the write re-arms error reporting
            Write(RegSvr, 0x100u | spuriousVector);         // software enable
            Eoi();                                          // nothing stale in service
        }

        /// <summary>This CPU's APIC id (32-bit in x2APIC mode, 8-bit in xAPIC mode).</summary>
        public static uint Id => s_x2 ? Read(RegId) : Read(RegId) >> 24;

        public static void Eoi() => Write(RegEoi, 0);

        public static uint Read(uint reg) =>
            s_x2 ? (uint)Cpu.ReadMsr(0x800 + (reg >> 4)) : (uint)Volatile.Read(ref *(int*)(s_mmio + reg));

        public static void Write(uint reg, uint value)
        {
            if (s_x2) Cpu.WriteMsr(0x800 + (reg >> 4), value);
            else Volatile.Write(ref *(int*)(s_mmio + reg), (int)value);
        }

        /// <summary>
        /// Sends an interprocessor interrupt. icr: vector | delivery mode | flags | shorthand (then
        /// destination is ignored). Interrupts are off while the ICR is written: in xAPIC mode it is
        /// two registers, and an interrupt handler sending its own IPI in between would mix them up.
        /// </summary>
        public static void SendIpi(uint destination, uint icr)
        {
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            if (s_x2)
            {
                Cpu.WriteMsr(0x800 + (RegIcrLow >> 4), ((ulong)destination << 32) | icr);
            }
            else
            {
                WaitIdle();
                Write(RegIcrHigh, destination << 24);
                Write(RegIcrLow, icr);
                WaitIdle();
            }
            Cpu.RestoreFlags(flags);
        }

        private static void WaitIdle()
        {
            while ((Read(RegIcrLow) & IcrPending) != 0) Cpu.Pause();
        }
    }
}
