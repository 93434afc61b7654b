using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Arch.X64;

namespace Nacre.Timing
{
    /// <summary>
    /// Time from the TSC. Its frequency comes from CPUID leaf 0x15 (or 0x16) when those agree with a
    /// measurement against the PIT, else from the measurement itself (under QEMU's TCG the TSC is the
    /// host's and CPUID may say anything). Conversions are 32.32 fixed-point multiplies: no division
    /// on the hot path. The TSC is assumed invariant and synchronised across CPUs (true on QEMU and
    /// on CPUs with CPUID.80000007:EDX[8]).
    /// </summary>
    public static unsafe class Time
    {
        private static ulong s_frequency, s_bootCycles;
        private static ulong s_nsPerCycle32, s_cyclesPerNs32; // 32.32 fixed point
        private static string s_source = "none";

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_boot_tsc")]
        private static extern ulong BootTsc();

        /// <summary>TSC ticks per second.</summary>
        public static ulong FrequencyHz => s_frequency;

        /// <summary>Where the frequency came from: "cpuid 0x15", "cpuid 0x16" or "pit".</summary>
        public static string FrequencySource => s_source;

        /// <summary>The TSC (rdtsc; not serialising).</summary>
        public static ulong Cycles => Cpu.ReadTsc();

        /// <summary>Nanoseconds since the kernel's first instruction (boot.S reads the TSC there).</summary>
        public static ulong NowNs => CyclesToNs(Cpu.ReadTsc() - s_bootCycles);

        public static ulong CyclesToNs(ulong cycles) => MulShift32(cycles, s_nsPerCycle32);

        public static ulong NsToCycles(ulong ns) => MulShift32(ns, s_cyclesPerNs32);

        /// <summary>Busy-waits at least ns nanoseconds (interrupts may run meanwhile).</summary>
        public static void Delay(ulong ns)
        {
            ulong end = Cpu.ReadTsc() + NsToCycles(ns) + 1;
            while (Cpu.ReadTsc() < end) Cpu.Pause();
        }

        /// <summary>Determines the TSC frequency and sets up the boot CPU's timers (once, after Interrupts.Initialize).</summary>
        public static void Initialize()
        {
            s_bootCycles = BootTsc();
            if (Platform.IsHvm) { s_frequency = Boot.HvmBootInfo.TscKhz * 1000; s_source = "the VMM"; }
            else Calibrate();
            if (s_frequency < 1000000) Nacre.Diagnostics.Panic.Message("TSC calibration failed");
            s_nsPerCycle32 = (1000000000UL << 32) / s_frequency;
            s_cyclesPerNs32 = ((s_frequency / 1000000000UL) << 32) + ((s_frequency % 1000000000UL) << 32) / 1000000000UL;
            TimerQueue.Initialize();
            TimerQueue.InitializeThisCpu();
        }

        private static void Calibrate()
        {
            ulong measured = TscCalibration.MeasureAgainstPit();
            ulong fromCpuid = TscCalibration.FromCpuid(out string leaf);
            // Trust CPUID only when it agrees with the clock on the wall (within 2%).
            if (fromCpuid != 0 && Within(fromCpuid, measured, 50)) { s_frequency = fromCpuid; s_source = leaf; }
            else { s_frequency = measured; s_source = "pit"; }
        }

        private static bool Within(ulong a, ulong b, ulong fraction)
        {
            ulong d = a > b ? a - b : b - a;
            return d <= b / fraction;
        }

        /// <summary>(a × b) >> 32 without a 128-bit type: exact while the result fits in 64 bits.</summary>
        private static ulong MulShift32(ulong a, ulong b)
        {
            ulong ah = a >> 32, al = (uint)a, bh = b >> 32, bl = (uint)b;
            return ((ah * bh) << 32) + ah * bl + al * bh + ((al * bl) >> 32);
        }
    }
}
