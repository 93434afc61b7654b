using Nacre.Arch.X64;

namespace Nacre.Timing
{
    /// <summary>The two sources of the TSC's frequency: what CPUID claims, and a PIT measurement.</summary>
    internal static unsafe class TscCalibration
    {
        private const int Rounds = 7;
        private const ushort Ticks = 11932; // 10 ms of the PIT

        /// <summary>
        /// Median of several windows of about 10 ms, each measured at both ends by reading the PIT
        /// count bracketed by two TSC reads. Whatever happens between the ends (the host
        /// descheduling a TCG vCPU thread for milliseconds) does not matter, and an end whose
        /// bracket is wide (descheduled during the read itself) makes the window count as lost.
        /// </summary>
        public static ulong MeasureAgainstPit()
        {
            ulong* samples = stackalloc ulong[Rounds];
            int n = 0;
            for (int attempt = 0; attempt < Rounds * 4 && n < Rounds; attempt++)
            {
                Pit.StartChannel2();
                Read(out ushort c0, out ulong t0, out ulong w0);
                ushort c1;
                ulong t1, w1;
                do Read(out c1, out t1, out w1); while ((ushort)(c0 - c1) < Ticks && c1 <= c0);
                Pit.StopChannel2();
                ulong ticks = (ushort)(c0 - c1);
                ulong cycles = t1 - t0;
                // A bracket wider than 1/500 of the window is a read that was interrupted.
                if (c1 > c0 || ticks == 0 || (w0 + w1) * 500 > cycles) continue;
                samples[n++] = cycles * Pit.FrequencyHz / ticks;
            }
            if (n == 0) return 0;
            for (int i = 1; i < n; i++) // insertion sort: a few values
                for (int j = i; j > 0 && samples[j - 1] > samples[j]; j--)
                {
                    ulong t = samples[j]; samples[j] = samples[j - 1]; samples[j - 1] = t;
                }
            return samples[n / 2];
        }

        /// <summary>The PIT count, and the TSC in the middle of reading it with the width of that bracket.</summary>
        private static void Read(out ushort count, out ulong tsc, out ulong width)
        {
            ulong before = Cpu.ReadTsc();
            count = Pit.ReadChannel2();
            ulong after = Cpu.ReadTsc();
            tsc = before + (after - before) / 2;
            width = after - before;
        }

        /// <summary>Leaf 0x15 (crystal × ratio) if complete, else leaf 0x16 (base MHz); 0 if neither.</summary>
        public static ulong FromCpuid(out string leaf)
        {
            leaf = null;
            uint max = Cpu.Cpuid(0).Eax;
            if (max >= 0x15)
            {
                CpuidResult r = Cpu.Cpuid(0x15);
                if (r.Eax != 0 && r.Ebx != 0 && r.Ecx != 0)
                {
                    leaf = "cpuid 0x15";
                    return (ulong)r.Ecx * r.Ebx / r.Eax;
                }
            }
            if (max >= 0x16)
            {
                uint mhz = Cpu.Cpuid(0x16).Eax & 0xFFFF;
                if (mhz != 0) { leaf = "cpuid 0x16"; return mhz * 1000000UL; }
            }
            return 0;
        }
    }
}
