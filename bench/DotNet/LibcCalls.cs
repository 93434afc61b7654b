using System.Runtime.InteropServices;
using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// The libc calls the runtime itself makes on its hot paths, each timed alone (one call per
/// sample, the calling thread alone on its CPU): what one of them costs is where a primitive's
/// cycles go on each side. The runtime's spinning waits call sched_yield (Thread.Yield), its
/// blocking waits futex through pthread_cond and syscall(), the GC calls membarrier
/// (FlushProcessWriteBuffers) and reads /proc/meminfo with every collection, and Stopwatch reads
/// clock_gettime.
/// </summary>
public static unsafe partial class LibcCalls
{
    private const long SysFutex = 202, SysMembarrier = 324;
    private const int FutexWakePrivate = 1 | 128, MembarrierPrivateExpedited = 8, ClockMonotonic = 1;

    public static List<Result> All(Options o)
    {
        var results = new List<Result>();
        results.Add(Timed(o, "libc.clock_gettime", "clock_gettime(CLOCK_MONOTONIC)", () =>
        {
            long* ts = stackalloc long[2];
            return ClockGetTime(ClockMonotonic, ts) == 0;
        }));
        results.Add(Timed(o, "libc.sched_yield", "sched_yield with nothing else to run on this CPU", () => SchedYield() == 0));
        var word = (int*)NativeMemory.AlignedAlloc(64, 64);
        *word = 0;
        results.Add(Timed(o, "libc.futex_wake", "syscall(SYS_futex, FUTEX_WAKE_PRIVATE) with no waiter", () => Syscall(SysFutex, (long)word, FutexWakePrivate, 1) == 0));
        NativeMemory.AlignedFree(word);
        results.Add(Timed(o, "libc.membarrier", "syscall(SYS_membarrier, PRIVATE_EXPEDITED): the GC's FlushProcessWriteBuffers", () => Syscall(SysMembarrier, MembarrierPrivateExpedited, 0, 0) == 0));
        var buffer = new byte[4096];
        results.Add(Timed(o, "libc.meminfo", "open + read + close of /proc/meminfo, as every GC does", () =>
        {
            fixed (byte* b = buffer)
            fixed (byte* path = "/proc/meminfo\0"u8)
            {
                var fd = Open(path, 0);
                if (fd < 0)
                    return false;
                var n = Read(fd, b, (nuint)buffer.Length);
                return Close(fd) == 0 && n > 0;
            }
        }));
        return results;
    }

    private static Result Timed(Options o, string name, string note, Func<bool> call)
    {
        var samples = new Samples(o.Warmup, o.Samples);
        var ok = 0;
        while (samples.Count < samples.Total)
        {
            var t0 = Tsc.Now;
            var success = call();
            var t1 = Tsc.Now;
            if (samples.Warm && success)
                ok++;
            samples.Add(t1 - t0);
        }
        var kept = samples.Kept;
        return new Result(name, kept, [new Check("the call succeeded", ok, kept.Length)], note);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, long* timespec);

    [LibraryImport("libc", EntryPoint = "sched_yield")]
    private static partial int SchedYield();

    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long Syscall(long number, long a, long b, long c);

    [LibraryImport("libc", EntryPoint = "open")]
    private static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
