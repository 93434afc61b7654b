using System.Runtime.InteropServices;

namespace Nacre.Bench.DotNet;

/// <summary>
/// CPU placement through libc, identical on Linux and in the .NET world: sched_getaffinity lists
/// the CPUs, sched_setaffinity(0, {cpu}) pins the calling thread. The Aerokernel places a new
/// thread on a CPU itself and never migrates it, so there pinning succeeds only on the CPU the
/// thread already runs on; <see cref="StartOn"/> therefore retries with a new thread until one
/// lands where it is wanted (a few tries: placement is round-robin).
/// </summary>
public static unsafe partial class Affinity
{
    public static List<int> AllowedCpus()
    {
        var set = stackalloc ulong[16];
        var cpus = new List<int>();
        if (SchedGetAffinity(0, 16 * sizeof(ulong), set) != 0)
            return [0];
        for (var cpu = 0; cpu < 16 * 64; cpu++)
            if ((set[cpu / 64] & (1UL << (cpu % 64))) != 0)
                cpus.Add(cpu);
        return cpus;
    }

    public static bool PinCurrentThread(int cpu)
    {
        var set = stackalloc ulong[16];
        set[cpu / 64] = 1UL << (cpu % 64);
        return SchedSetAffinity(0, 16 * sizeof(ulong), set) == 0;
    }

    public static int CurrentCpu() => SchedGetCpu();

    /// <summary>A started background thread running <paramref name="body"/> pinned to <paramref name="cpu"/>.</summary>
    public static Thread StartOn(int cpu, Action body, string name)
    {
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var state = new int[1];
            var thread = new Thread(() =>
            {
                if (!PinCurrentThread(cpu) || CurrentCpu() != cpu)
                {
                    Volatile.Write(ref state[0], -1);
                    return;
                }
                Volatile.Write(ref state[0], 1);
                body();
            }) { IsBackground = true, Name = name };
            thread.Start();
            while (Volatile.Read(ref state[0]) == 0)
                Thread.Yield();
            if (state[0] == 1)
                return thread;
            thread.Join();
        }
        throw new InvalidOperationException($"could not start a thread on CPU {cpu}");
    }

    [LibraryImport("libc", EntryPoint = "sched_getaffinity")]
    private static partial int SchedGetAffinity(int pid, nuint size, ulong* set);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SchedSetAffinity(int pid, nuint size, ulong* set);

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int SchedGetCpu();
}
