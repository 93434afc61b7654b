using System.Threading;
using Nacre.Sync;
using Nacre.Testing;
using Nacre.Threads;
using Nacre.Timing;
using Thread = Nacre.Threads.Thread;

public static unsafe class TimedTests
{
    [Test]
    public static void SleepWaitsAtLeastItsTimeAndLetsOthersRun()
    {
        int ran = 0;
        Thread* other = Thread.Launch(() => { ran = 1; }, cpu: Nacre.Cpus.Cpus.Current->Index);
        ulong start = Time.NowNs;
        Thread.Sleep(2_000_000);
        ulong slept = Time.NowNs - start;
        Assert.True(slept >= 2_000_000, $"slept {slept} ns, asked 2 ms");
        Assert.Equal(1, ran, "another thread ran while this one slept");
        Thread.Join(other);
    }

    [Test]
    public static void SemaphoreWaitTimesOutAndSucceedsWhenPosted()
    {
        var sem = new Semaphore(0);
        Semaphore* s = &sem;
        ulong start = Time.NowNs;
        Assert.False(s->Wait(3_000_000), "nothing posted: times out");
        Assert.True(Time.NowNs - start >= 3_000_000, "not before the timeout");
        Thread* poster = Thread.Launch(() => { Thread.Sleep(1_000_000); s->Post(); });
        Assert.True(s->Wait(5_000_000_000), "posted within the timeout");
        Thread.Join(poster);
        Assert.Equal(0, sem.Count);
    }

    private static long s_spinning;

    [Test]
    public static void PreemptionSharesACpuBetweenThreadsThatNeverYield()
    {
        int cpu = Nacre.Cpus.Cpus.Current->Index;
        int stop = 0;
        long a = 0, b = 0;
        ThreadScheduler.SetPreemption(1_000_000);
        Thread* ta = Thread.Launch(() => { while (Volatile.Read(ref stop) == 0) a++; }, cpu: cpu);
        Thread* tb = Thread.Launch(() => { while (Volatile.Read(ref stop) == 0) b++; }, cpu: cpu);
        Thread.Sleep(30_000_000);
        Volatile.Write(ref stop, 1);
        Thread.Join(ta);
        Thread.Join(tb);
        ThreadScheduler.SetPreemption(0);
        Assert.True(a > 0 && b > 0, $"both spinning threads ran (a={a}, b={b})");
    }

    [Test]
    public static void ThreadsOnEveryCpuJoinBackExactly()
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        var threads = new Thread*[cpus * 8];
        long total = 0;
        for (int i = 0; i < threads.Length; i++)
        {
            long k = i;
            threads[i] = Thread.Launch(() => { long sum = 0; for (long j = 0; j <= k; j++) sum += j; return sum; }, cpu: i % cpus);
        }
        for (int i = 0; i < threads.Length; i++) total += Thread.Join(threads[i]);
        long expected = 0;
        for (long i = 0; i < threads.Length; i++) expected += i * (i + 1) / 2;
        Assert.Equal(expected, total);
    }

    [Test]
    public static void CrossCpuCondVarPingPong()
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        var mutex = new Mutex();
        var cv = new CondVar();
        Mutex* m = &mutex;
        CondVar* c = &cv;
        int turn = 0;
        const int Rounds = 300;
        Thread* other = Thread.Launch(() =>
        {
            for (int r = 0; r < Rounds; r++)
            {
                m->Acquire();
                while (turn != 1) c->Wait(ref *m);
                turn = 0;
                c->Broadcast();
                m->Release();
            }
        }, cpu: cpus > 1 ? 1 : 0);
        for (int r = 0; r < Rounds; r++)
        {
            m->Acquire();
            turn = 1;
            c->Broadcast();
            while (turn != 0) c->Wait(ref *m);
            m->Release();
        }
        Thread.Join(other);
        Assert.Equal(0, turn);
    }
}
