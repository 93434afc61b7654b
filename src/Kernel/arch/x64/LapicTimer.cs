using Nacre.Timing;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// This CPU's local APIC timer as a one-shot alarm at a TSC deadline. TSC-deadline mode
    /// (CPUID.1:ECX[24]) takes the deadline as is (IA32_TSC_DEADLINE); otherwise one-shot mode
    /// counts down ticks of the APIC timer clock, whose rate is measured against the TSC once.
    /// Callers hold interrupts off (the timer queue's lock does that).
    /// </summary>
    internal static class LapicTimer
    {
        private const uint TscDeadlineMsr = 0x6E0;
        private const uint ModeOneShot = 0, ModeTscDeadline = 2u << 17;
        private const uint DivideBy1 = 0xB;

        private static bool s_deadline;
        private static ulong s_frequency;           // APIC timer ticks per second (one-shot mode)
        private static ulong s_ticksPerCycle32;     // 32.32 fixed point

        public static bool TscDeadlineMode => s_deadline;

        /// <summary>APIC timer clock (divide by 1) in Hz; 0 when TSC-deadline mode makes it irrelevant.</summary>
        public static ulong FrequencyHz => s_frequency;

        /// <summary>Chooses the mode and, for one-shot mode, measures the timer clock (boot CPU, after Time).</summary>
        public static void Calibrate(int vector)
        {
            // Deprivileged, the deadline MSR is a trip through the ring-0 gate: use the MMIO count.
            s_deadline = (Cpu.Cpuid(1).Ecx & (1u << 24)) != 0 && !Platform.Deprivileged;
            if (s_deadline) return;
            Lapic.Write(Lapic.RegTimerDivide, DivideBy1);
            if (Platform.IsHvm && Boot.HvmBootInfo.ApicTimerHz != 0 && Boot.HvmBootInfo.ApicTimerHz < (1UL << 32))
            {
                // The VMM knows its timer clock; measuring it would cost 10 ms of boot.
                s_frequency = Boot.HvmBootInfo.ApicTimerHz;
                s_ticksPerCycle32 = (s_frequency << 32) / Time.FrequencyHz;
                return;
            }
            Lapic.Write(Lapic.RegLvtTimer, Lapic.LvtMasked | (uint)vector);
            ulong start = Time.Cycles;
            Lapic.Write(Lapic.RegTimerInitial, 0xFFFFFFFF);
            Time.Delay(10000000);
            uint left = Lapic.Read(Lapic.RegTimerCurrent);
            ulong cycles = Time.Cycles - start;
            Lapic.Write(Lapic.RegTimerInitial, 0);
            ulong ticks = 0xFFFFFFFFUL - left;
            s_frequency = ticks * Time.FrequencyHz / cycles;
            // ticks per TSC cycle, 32.32: ticks << 32 / cycles (ticks < 2^32).
            s_ticksPerCycle32 = (ticks << 32) / cycles;
            if (s_frequency == 0) Nacre.Diagnostics.Panic.Message("local APIC timer does not count");
        }

        /// <summary>Sets this CPU's timer up (masked until the first Arm).</summary>
        public static void InitializeThisCpu(int vector)
        {
            if (!s_deadline) Lapic.Write(Lapic.RegTimerDivide, DivideBy1);
            Lapic.Write(Lapic.RegLvtTimer, (s_deadline ? ModeTscDeadline : ModeOneShot) | (uint)vector);
        }

        /// <summary>Interrupts this CPU at (or just after) TSC value deadline; a past deadline fires at once.</summary>
        public static void Arm(ulong deadline)
        {
            if (s_deadline)
            {
                Cpu.WriteMsr(TscDeadlineMsr, deadline == 0 ? 1 : deadline);
                return;
            }
            ulong now = Time.Cycles;
            ulong cycles = deadline > now ? deadline - now : 0;
            ulong hi = cycles >> 32, lo = (uint)cycles;
            // ticks = cycles × ratio >> 32; beyond 32 bits the timer fires early and the queue re-arms it.
            ulong ticks = hi != 0 ? 0xFFFFFFFFUL : (lo * (s_ticksPerCycle32 & 0xFFFFFFFF) >> 32) + lo * (s_ticksPerCycle32 >> 32);
            if (ticks == 0) ticks = 1;
            if (ticks > 0xFFFFFFFFUL) ticks = 0xFFFFFFFFUL;
            Lapic.Write(Lapic.RegTimerInitial, (uint)ticks);
        }

        /// <summary>No alarm.</summary>
        public static void Disarm()
        {
            if (s_deadline) Cpu.WriteMsr(TscDeadlineMsr, 0);
            else Lapic.Write(Lapic.RegTimerInitial, 0);
        }
    }
}
