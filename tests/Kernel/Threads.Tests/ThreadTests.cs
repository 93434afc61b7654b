using System;
using Nacre.Testing;
using Nacre.Threads;

public static unsafe class ThreadTests
{
    private static long Square(void* arg) => (long)arg * (long)arg;

    [Test]
    public static void LaunchAndJoinReturnTheExitValue()
    {
        Thread* a = Thread.Launch(&Square, (void*)7);
        Thread* b = Thread.Launch(() => 40L + 2);
        int ran = 0;
        Thread* c = Thread.Launch(() => { ran = 1; });
        Assert.Equal(49L, Thread.Join(a));
        Assert.Equal(42L, Thread.Join(b));
        Assert.Equal(0L, Thread.Join(c));
        Assert.Equal(1, ran);
    }

    [Test]
    public static void CreateDoesNotRunUntilStart()
    {
        int ran = 0;
        Thread* t = Thread.Create(() => { ran++; });
        Thread.Yield();
        Assert.Equal(0, ran);
        Assert.True(t->State == ThreadState.Created);
        Thread.Start(t);
        Thread.Join(t);
        Assert.Equal(1, ran);
    }

    [Test]
    public static void CurrentIsTheRunningThread()
    {
        Thread* self = Thread.Current;
        Thread* seen = null;
        Thread* t = Thread.Launch(() => { seen = Thread.Current; });
        Thread.Join(t);
        Assert.True(seen == t, "a thread sees itself as current");
        Assert.True(Thread.Current == self, "the joiner is current again");
    }

    [Test]
    public static void YieldInterleavesThreadsOnOneCpu()
    {
        var order = new int[8];
        int n = 0;
        Thread* a = Thread.Launch(() => { for (int i = 0; i < 4; i++) { order[n++] = 1; Thread.Yield(); } }, cpu: 0);
        Thread* b = Thread.Launch(() => { for (int i = 0; i < 4; i++) { order[n++] = 2; Thread.Yield(); } }, cpu: 0);
        Thread.Join(a);
        Thread.Join(b);
        Assert.Equal(8, n);
        for (int i = 0; i < 8; i++) Assert.Equal(i % 2 == 0 ? 1 : 2, order[i], "strict alternation under yield");
    }

    [Test]
    public static void ThousandsOfThreadsAreCreatedAndJoinedWithoutLeaking()
    {
        long sum = 0;
        // The first round fills the thread pool; the second must not allocate at all.
        NoLeak.Check(() =>
        {
            for (int i = 0; i < 1500; i++)
            {
                Thread* t = Thread.Launch(&Square, (void*)(long)(i % 100));
                sum += Thread.Join(t);
            }
        });
        long expected = 0;
        for (int i = 0; i < 1500; i++) expected += (i % 100) * (i % 100);
        Assert.Equal(2 * expected, sum);
    }

    [Test]
    public static void JoinAllChildrenWaitsForEveryChild()
    {
        int done = 0;
        var children = new Thread*[10];
        Thread* parent = Thread.Launch(() =>
        {
            for (int i = 0; i < 10; i++)
                children[i] = Thread.Launch(() => { Thread.Yield(); System.Threading.Interlocked.Increment(ref done); });
            Thread.JoinAllChildren();
            return done;
        });
        Assert.Equal(10L, Thread.Join(parent));
        for (int i = 0; i < 10; i++) Thread.Join(children[i]);
    }

    [Test]
    public static void ExitEndsTheThreadWithItsValue()
    {
        Thread* t = Thread.Launch(() => { Thread.Exit(17); return 99L; });
        Assert.Equal(17L, Thread.Join(t));
    }

    [Test]
    public static void DetachedThreadsRecycleThemselves()
    {
        int ran = 0;
        for (int i = 0; i < 50; i++)
        {
            Thread* t = Thread.Create(() => { System.Threading.Interlocked.Increment(ref ran); });
            Thread.Detach(t);
            Thread.Start(t);
        }
        // Bounded by time, not by a count of yields: at native speed under the HVM 100,000 yields
        // pass in a millisecond, less than a descheduled vCPU may take to run its share.
        ulong deadline = Nacre.Timing.Time.NowNs + 10_000_000_000UL;
        while (System.Threading.Volatile.Read(ref ran) < 50 && Nacre.Timing.Time.NowNs < deadline) Thread.Yield();
        Assert.Equal(50, ran);
    }

    [Test]
    public static void ThreadLocalsArePerThread()
    {
        int slot = ThreadLocal.CreateSlot();
        ThreadLocal.Set(slot, (void*)1);
        void* inChild = (void*)0xDEAD;
        Thread* t = Thread.Launch(() =>
        {
            inChild = ThreadLocal.Get(slot);
            ThreadLocal.Set(slot, (void*)2);
            return (long)ThreadLocal.Get(slot);
        });
        Assert.Equal(2L, Thread.Join(t));
        Assert.True(inChild == null, "a new thread starts with empty slots");
        Assert.True(ThreadLocal.Get(slot) == (void*)1, "the parent's value is untouched");
    }

    [Test]
    public static void ThreadsRunOnEveryCpuTheyAreBoundTo()
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        for (int cpu = 0; cpu < cpus; cpu++)
        {
            if (!ThreadScheduler.IsRunningOn(cpu)) continue;
            int seen = -1;
            Thread* t = Thread.Launch(() => { seen = Nacre.Cpus.Cpus.Current->Index; }, cpu: cpu);
            Thread.Join(t);
            Assert.Equal(cpu, seen);
        }
    }
}
