using Nacre.Arch.X64;

namespace Nacre.Timing
{
    /// <summary>
    /// The time of day: read once at start-up — from the VMM's boot info under the HVM, from the
    /// CMOS real-time clock under QEMU and on hardware (whole seconds) — and carried forward by
    /// the TSC (Time.NowNs).
    /// </summary>
    public static class WallClock
    {
        private static ulong s_atBootNs;
        private static bool s_read;

        /// <summary>Nanoseconds since the Unix epoch, now.</summary>
        public static ulong NowNs
        {
            get
            {
                if (!s_read) Read();
                return s_atBootNs + Time.NowNs;
            }
        }

        private static void Read()
        {
            ulong wall = Platform.IsHvm ? Boot.HvmBootInfo.WallClockNs : Rtc.ReadSeconds() * 1_000_000_000UL;
            s_atBootNs = wall - Time.NowNs;
            s_read = true;
        }
    }
}
