using System.Runtime.InteropServices;

namespace Nacre.Host.Bench;

/// <summary>Linux thread facts for the baselines: pinning the calling thread, its CPU and id, and whether a thread sleeps.</summary>
public static unsafe class LinuxThreads
{
    /// <summary>The CPUs this process may run on, in order (from its affinity mask).</summary>
    public static IReadOnlyList<int> AllowedCpus()
    {
        var mask = stackalloc ulong[16];
        if (SchedGetAffinity(0, 16 * sizeof(ulong), mask) != 0)
            return Enumerable.Range(0, Environment.ProcessorCount).ToList();
        var cpus = new List<int>();
        for (var cpu = 0; cpu < 1024; cpu++)
            if ((mask[cpu / 64] & (1UL << (cpu % 64))) != 0)
                cpus.Add(cpu);
        return cpus;
    }

    /// <summary>Pins the calling thread to one CPU.</summary>
    public static void PinCurrentThread(int cpu)
    {
        var mask = stackalloc ulong[16];
        mask[cpu / 64] = 1UL << (cpu % 64);
        if (SchedSetAffinity(0, 16 * sizeof(ulong), mask) != 0)
            throw new InvalidOperationException($"sched_setaffinity to CPU {cpu} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Lets the calling thread run on every CPU again (threads it starts inherit its mask).</summary>
    public static void UnpinCurrentThread()
    {
        var mask = stackalloc ulong[16];
        for (int i = 0; i < 16; i++) mask[i] = ulong.MaxValue;
        if (SchedSetAffinity(0, 16 * sizeof(ulong), mask) != 0)
            throw new InvalidOperationException($"sched_setaffinity to all CPUs failed (errno {Marshal.GetLastPInvokeError()})");
    }

    public static int CurrentCpu => SchedGetCpu();

    public static int CurrentThreadId => (int)Syscall(186 /* SYS_gettid */);

    /// <summary>The state letter of one of this process's threads (/proc/self/task/TID/stat): 'S' = asleep.</summary>
    public static char State(int tid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/self/task/{tid}/stat");
            var close = text.LastIndexOf(')');
            return close >= 0 && close + 2 < text.Length ? text[close + 2] : '?';
        }
        catch (IOException)
        {
            return '?';
        }
    }

    /// <summary>Waits until thread tid sleeps, then ~20 µs more so its CPU settles into idle; false if it never slept.</summary>
    public static bool WaitAsleep(int tid)
    {
        for (var i = 0; i < 200_000; i++)
        {
            if (State(tid) == 'S')
            {
                var end = Tsc.Now + 50_000;
                while (Tsc.Now < end) { }
                return true;
            }
            Thread.Yield();
        }
        return false;
    }

    [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static extern int SchedSetAffinity(int pid, nuint size, ulong* mask);

    [DllImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static extern int SchedGetAffinity(int pid, nuint size, ulong* mask);

    [DllImport("libc", EntryPoint = "sched_getcpu")]
    private static extern int SchedGetCpu();

    [DllImport("libc", EntryPoint = "syscall")]
    private static extern long Syscall(long number);
}
