using Nacre.Timing;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// Clocks and sleeping. CLOCK_MONOTONIC (and its RAW/BOOTTIME forms) is the Aerokernel's TSC
    /// time since boot; CLOCK_REALTIME is the kernel's WallClock. CPU-time clocks report monotonic
    /// time: every .NET-world thread owns its CPU while it runs. Sleeps are kernel timer sleeps.
    /// </summary>
    public static unsafe class Clock
    {
        public const int Realtime = 0, Monotonic = 1, ProcessCpuTime = 2, ThreadCpuTime = 3, MonotonicRaw = 4,
            RealtimeCoarse = 5, MonotonicCoarse = 6, BootTime = 7;
        private const int TimerAbsolute = 1;

        private static ulong s_wallAtBootNs;

        public static void Initialize()
        {
            s_wallAtBootNs = WallClock.NowNs - Time.NowNs;
        }

        /// <summary>Nanoseconds on clock id, or ulong.MaxValue for an unknown clock.</summary>
        public static ulong NowNs(int id)
        {
            switch (id)
            {
                case Realtime: case RealtimeCoarse: return s_wallAtBootNs + Time.NowNs;
                case Monotonic: case MonotonicRaw: case MonotonicCoarse: case BootTime: case ProcessCpuTime: case ThreadCpuTime:
                    return Time.NowNs;
            }
            return ulong.MaxValue;
        }

        private static void ToTimespec(ulong ns, long* ts) { ts[0] = (long)(ns / 1_000_000_000); ts[1] = (long)(ns % 1_000_000_000); }

        /// <summary>A timespec as nanoseconds; false when it is not valid.</summary>
        public static bool FromTimespec(long* ts, out ulong ns)
        {
            ns = 0;
            if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1_000_000_000) return false;
            ns = ts[0] > (long)(ulong.MaxValue / 1_000_000_000 - 1) ? ulong.MaxValue : (ulong)ts[0] * 1_000_000_000 + (ulong)ts[1];
            return true;
        }

        [LibcExport("clock_gettime", "__clock_gettime")]
        public static int GetTime(int id, long* ts)
        {
            ulong ns = NowNs(id);
            if (ns == ulong.MaxValue) return Errno.Fail(Errno.EINVAL);
            ToTimespec(ns, ts);
            return 0;
        }

        [LibcExport("clock_getres")]
        public static int Resolution(int id, long* ts)
        {
            if (NowNs(id) == ulong.MaxValue) return Errno.Fail(Errno.EINVAL);
            if (ts != null) { ts[0] = 0; ts[1] = 1; }
            return 0;
        }

        [LibcExport("gettimeofday")]
        public static int GetTimeOfDay(long* tv, void* zone)
        {
            ulong ns = NowNs(Realtime);
            if (tv != null) { tv[0] = (long)(ns / 1_000_000_000); tv[1] = (long)(ns % 1_000_000_000 / 1000); }
            return 0;
        }

        [LibcExport("time")]
        public static long Seconds(long* t)
        {
            long s = (long)(NowNs(Realtime) / 1_000_000_000);
            if (t != null) *t = s;
            return s;
        }

        [LibcExport("clock")]
        public static long ProcessorTime() => (long)(Time.NowNs / 1000);

        /// <summary>clock_nanosleep: returns 0 or an error number (not errno), as POSIX says.</summary>
        [LibcExport("clock_nanosleep")]
        public static int ClockSleep(int id, int flags, long* request, long* remaining)
        {
            if (!FromTimespec(request, out ulong ns)) return Errno.EINVAL;
            ulong now = NowNs(id);
            if (now == ulong.MaxValue || id == ThreadCpuTime) return Errno.EINVAL;
            if ((flags & TimerAbsolute) != 0) ns = ns > now ? ns - now : 0;
            SleepNs(ns);
            if (remaining != null && (flags & TimerAbsolute) == 0) { remaining[0] = 0; remaining[1] = 0; }
            return 0;
        }

        [LibcExport("nanosleep")]
        public static int NanoSleep(long* request, long* remaining)
        {
            int r = ClockSleep(Monotonic, 0, request, remaining);
            return r == 0 ? 0 : Errno.Fail(r);
        }

        [LibcExport("usleep")]
        public static int MicroSleep(uint microseconds) { SleepNs((ulong)microseconds * 1000); return 0; }

        [LibcExport("sleep")]
        public static uint SleepSeconds(uint seconds) { SleepNs((ulong)seconds * 1_000_000_000); return 0; }

        /// <summary>Sleeps the calling thread ns (0: a yield, as Linux's nanosleep(0) gives up the CPU).</summary>
        public static void SleepNs(ulong ns)
        {
            if (ns == 0) { Nacre.Threads.Thread.Yield(); return; }
            Nacre.Threads.Thread.Sleep(ns);
        }
    }
}
