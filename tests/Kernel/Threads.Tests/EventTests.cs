using System.Threading;
using Nacre.Sync;
using Nacre.Testing;
using Nacre.Threads;

public static unsafe class EventTests
{
    private struct Hits { public fixed int PerCpu[64]; public int Total; }
    private static Hits s_hits;
    private static int s_event = -1;

    private static void Record(void* unused)
    {
        fixed (Hits* h = &s_hits)
        {
            Interlocked.Increment(ref h->PerCpu[Nacre.Cpus.Cpus.Current->Index]);
            Interlocked.Increment(ref h->Total);
        }
    }

    private static int EventId()
    {
        if (s_event < 0) s_event = Events.Register(&Record, null);
        return s_event;
    }

    private static void WaitForTotal(int total)
    {
        fixed (Hits* h = &s_hits)
            for (long spins = 0; Volatile.Read(ref h->Total) < total && spins < 2_000_000_000; spins++) System.Threading.Interlocked.MemoryBarrier();
    }

    [Test]
    public static void NotifyRunsTheActionOnTheTargetCpu()
    {
        int id = EventId();
        s_hits = default;
        int cpus = Nacre.Cpus.Cpus.Count;
        for (int cpu = 0; cpu < cpus; cpu++) Events.Notify(cpu, id);
        WaitForTotal(cpus);
        fixed (Hits* h = &s_hits)
            for (int cpu = 0; cpu < cpus; cpu++) Assert.Equal(1, h->PerCpu[cpu], $"CPU {cpu} ran the event once");
    }

    [Test]
    public static void BroadcastReachesEveryOtherCpu()
    {
        int id = EventId();
        s_hits = default;
        int cpus = Nacre.Cpus.Cpus.Count;
        Events.Broadcast(id, includeSelf: true);
        WaitForTotal(cpus);
        Assert.Equal(cpus, s_hits.Total);
    }

    [Test]
    public static void PollingIdleCpusAreNotifiedWithoutAnIpi()
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        if (cpus < 2) { Assert.Equal(1, cpus); return; }  // a single CPU notifies itself directly
        int id = EventId();
        ThreadScheduler.SetIdlePolicy(1, IdlePolicy.Poll);
        for (int spins = 0; spins < 1000000; spins++) Interlocked.MemoryBarrier(); // let CPU 1 leave hlt
        s_hits = default;
        long ipis = Events.IpisSent;
        for (int i = 0; i < 20; i++)
        {
            Events.Notify(1, id);
            WaitForTotal(i + 1);
        }
        Assert.Equal(20, s_hits.Total);
        Assert.Equal(ipis, Events.IpisSent, "no IPI to a polling CPU");

        ThreadScheduler.SetIdlePolicy(1, IdlePolicy.Halt);
        for (int spins = 0; spins < 1000000 || !ThreadScheduler.IsHalted(1); spins++) Interlocked.MemoryBarrier(); // let CPU 1 halt
        long kicks = Nacre.Cpus.IdleParking.KicksSent;
        Events.Notify(1, id);
        WaitForTotal(21);
        Assert.Equal(21, s_hits.Total);
        if (Nacre.Cpus.IdleParking.Enabled) Assert.True(Events.IpisSent == ipis && Nacre.Cpus.IdleParking.KicksSent > kicks, "a parked CPU is kicked, not interrupted");
        else Assert.True(Events.IpisSent > ipis, "a halted CPU is woken by an IPI");
    }
}
