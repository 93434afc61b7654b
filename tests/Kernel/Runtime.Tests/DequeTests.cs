using System.Threading;
using Nacre.Runtimes.Parallel;
using Nacre.Testing;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

public static unsafe class DequeTests
{
    private static Job* Token(long i) => (Job*)(i + 1);
    private static long Index(Job* j) => (long)j - 1;

    private static WorkDeque* NewDeque(int capacity)
    {
        var d = (WorkDeque*)Runtime.Allocate((nuint)sizeof(WorkDeque));
        d->Initialize(capacity);
        return d;
    }

    [Test]
    public static void OwnerTakesNewestThievesStealOldest()
    {
        WorkDeque* d = NewDeque(16);
        for (long i = 0; i < 5; i++) Assert.True(d->Push(Token(i)));
        Assert.Equal(5L, d->Count);
        Assert.Equal(4L, Index(d->Take()));
        Assert.Equal(0L, Index(d->Steal()));
        Assert.Equal(1L, Index(d->Steal()));
        Assert.Equal(3L, Index(d->Take()));
        Assert.Equal(2L, Index(d->Take()));
        Assert.True(d->Take() == null, "empty after five");
        Assert.True(d->Steal() == null, "nothing to steal");
    }

    [Test]
    public static void FullDequeRefusesAPushAndWrapsAround()
    {
        WorkDeque* d = NewDeque(4);
        for (int round = 0; round < 10; round++)
        {
            for (long i = 0; i < 4; i++) Assert.True(d->Push(Token(i)));
            Assert.False(d->Push(Token(4)), "a fifth push into four slots");
            Assert.Equal(0L, Index(d->Steal()));
            Assert.True(d->Push(Token(9)));
            Assert.Equal(9L, Index(d->Take()));
            for (long i = 3; i >= 1; i--) Assert.Equal(i, Index(d->Take()));
        }
    }

    private const int ContendedJobs = 200_000;
    private static WorkDeque* s_shared;
    private static int* s_seen;
    private static int s_ownerDone;
    private static long s_stolen;
    private static int s_thievesReady;
    private static int s_anyStolen;     // set by the first steal, so the owner can wait for one

    private static long Thief(void* unused)
    {
        long stolen = 0;
        Interlocked.Increment(ref s_thievesReady);
        while (true)
        {
            Job* j = s_shared->Steal();
            if (j != null)
            {
                Interlocked.Increment(ref s_seen[Index(j)]);
                if (stolen++ == 0) Volatile.Write(ref s_anyStolen, 1);
                continue;
            }
            if (Volatile.Read(ref s_ownerDone) != 0 && s_shared->Count == 0) break;
            if (Nacre.Cpus.Cpus.Current->Index == 0) Thread.Yield();   // sharing CPU 0 with the owner
            else Nacre.Cpus.Cpus.Pause();
        }
        Interlocked.Add(ref s_stolen, stolen);
        return stolen;
    }

    /// <summary>One owner pushing and taking, a thief on every other CPU: every job comes out exactly once.</summary>
    [Test]
    public static void EveryJobComesOutOnceUnderContention()
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        s_shared = NewDeque(256);
        s_seen = (int*)Runtime.Allocate(ContendedJobs * sizeof(int));
        s_ownerDone = 0;
        s_stolen = 0;
        s_anyStolen = 0;
        s_thievesReady = 0;
        int thieves = cpus > 1 ? cpus - 1 : 1;
        var threads = stackalloc Thread*[thieves];
        for (int t = 0; t < thieves; t++) threads[t] = Thread.Launch(&Thief, null, cpus > 1 ? t + 1 : 0);
        // On other CPUs, wait until they run (at native speed the owner could finish first);
        // on one CPU the thief runs only when the owner yields.
        if (cpus > 1) while (Volatile.Read(ref s_thievesReady) < thieves) Nacre.Cpus.Cpus.Pause();
        long taken = 0;
        ulong rng = 12345;
        for (long i = 0; i < ContendedJobs; i++)
        {
            while (!s_shared->Push(Token(i)))
            {
                Job* j = s_shared->Take();
                if (j != null) { Interlocked.Increment(ref s_seen[Index(j)]); taken++; }
            }
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
            if ((rng & 3) == 0)
            {
                Job* j = s_shared->Take();
                if (j != null) { Interlocked.Increment(ref s_seen[Index(j)]); taken++; }
            }
            if (cpus == 1 && (i & 1023) == 0) Thread.Yield();
        }
        // A host that deschedules the thieves' vCPUs (the HVM on a busy machine) can hide them for
        // the whole loop above; leave them the rest until one of them has stolen something.
        if (cpus > 1)
            while (Volatile.Read(ref s_anyStolen) == 0 && s_shared->Count > 0) Nacre.Cpus.Cpus.Pause();
        for (Job* j; (j = s_shared->Take()) != null; taken++) Interlocked.Increment(ref s_seen[Index(j)]);
        Volatile.Write(ref s_ownerDone, 1);
        for (int t = 0; t < thieves; t++) Thread.Join(threads[t]);
        Assert.Equal((long)ContendedJobs, taken + s_stolen, "taken + stolen");
        int wrong = 0;
        for (int i = 0; i < ContendedJobs; i++) if (s_seen[i] != 1) wrong++;
        Assert.Equal(0, wrong, "jobs not seen exactly once");
        if (cpus > 1) Assert.True(s_stolen > 0, "thieves on other CPUs stole something");
    }
}
