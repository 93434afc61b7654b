using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Cpus;
using Nacre.Sync;
using Nacre.Testing;
using Nacre.Threads;
using Nacre.Timing;
using Timer = Nacre.Timing.Timer;
using SpinLock = Nacre.Sync.SpinLock;
using Thread = Nacre.Threads.Thread;

/// <summary>
/// The examples of docs/threads.md and docs/smp.md, compiled and run, so that the docs show the
/// API as it is. Keep the two in step: change an example here and there together.
/// </summary>
public static unsafe class DocExampleTests
{
    // ---- threads.md: threads --------------------------------------------------------------

    static long Square(void* arg) => (long)arg * (long)arg;

    [Test]
    public static void ThreadsCreateStartJoin()
    {
        // nk_thread_create, then nk_thread_run: bound to the last CPU
        Thread* t = Thread.Create(&Square, (void*)7, stackSize: 64 * 1024, cpu: Cpus.Count - 1);
        Thread.SetName(t, "square");                    // nk_thread_name
        Thread.Start(t);                                // nk_thread_run
        long v = Thread.Join(t);                        // nk_join: 49; t is recycled

        // nk_thread_start: create and run in one call, on any CPU
        Thread* u = Thread.Launch(&Square, (void*)3);
        Thread* w = Thread.Launch(() => 5L);            // a C# lambda works too
        Thread.JoinAllChildren();                       // nk_join_all_children: both have exited ...
        long sum = Thread.Join(u) + Thread.Join(w);     // ... and still need a Join: 9 + 5

        Assert.Equal(49L, v);
        Assert.Equal(14L, sum);
    }

    static int s_detachedRan;

    [Test]
    public static void ThreadsExitDetachYield()
    {
        Thread* d = Thread.Create(() =>
        {
            Thread.Sleep(1_000_000);                    // nk_sleep: 1 ms, other threads run
            Interlocked.Increment(ref s_detachedRan);
            Thread.Exit(3);                             // nk_thread_exit(3)
        });
        Thread.Detach(d);                               // is_detached: recycles itself, never joined
        Thread.Start(d);                                // (detach before starting: it may end at once)
        Thread* self = Thread.Current;                  // nk_get_tid
        while (Volatile.Read(ref s_detachedRan) == 0) Thread.Yield();   // nk_yield

        Assert.True(self == Thread.Current);
    }

    // ---- threads.md: fork -----------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.NoInlining)]         // required: see the rules
    static long Work(int n)
    {
        long local = n * 2;                           // the child gets a copy of this frame
        Thread* child = Thread.Fork();                // or Thread.Fork(cpu: 1)
        if (child == null) return local + 1;          // in the child: returning ends the child
        return local + Thread.Join(child);            // in the parent: the child's return value
    }

    [Test]
    public static void ThreadsFork()
    {
        Assert.Equal(21L + 20, Work(10));
    }

    // ---- threads.md: thread statics -------------------------------------------------------------

    [ThreadStatic] static int t_calls;            // every kernel thread has its own, 0 when it starts
    [ThreadStatic] static List<int> t_scratch;    // reference types, generic classes' thread statics too

    [Test]
    public static void ThreadsThreadStatics()
    {
        t_calls++;
        t_scratch = new List<int>();
        int other = -1;
        bool otherList = true;
        Thread.Join(Thread.Launch(() => { other = t_calls; otherList = t_scratch != null; }));
        Assert.Equal(0, other);
        Assert.False(otherList, "a new thread's list is null");
        Assert.Equal(1, t_calls);
    }

    // ---- threads.md: condition variables ----------------------------------------------------

    static Mutex s_lock;          // nk_condvar_init / a mutex: a zeroed field is ready to use
    static CondVar s_nonEmpty;
    static int s_items;

    static long Consume(void* unused)
    {
        s_lock.Acquire();
        while (s_items == 0) s_nonEmpty.Wait(ref s_lock);   // nk_condvar_wait: unlocks while asleep
        s_items--;
        s_lock.Release();
        return 1;
    }

    static void Produce()
    {
        s_lock.Acquire();
        s_items++;
        s_nonEmpty.Signal();      // nk_condvar_signal (Broadcast: nk_condvar_bcast)
        s_lock.Release();
    }

    [Test]
    public static void CondVarProducerConsumer()
    {
        s_items = 0;
        Thread* consumer = Thread.Launch(&Consume, null);
        Produce();
        Assert.Equal(1L, Thread.Join(consumer));
        Assert.Equal(0L, s_items);

        // With a spin lock instead (taken with AcquireIrqSave; Wait gives back the new flags):
        SpinLock spin = default;
        CondVar cv = default;
        ulong flags = spin.AcquireIrqSave();
        bool ready = true;
        while (!ready) flags = cv.Wait(ref spin, flags);
        spin.ReleaseIrqRestore(flags);
    }

    // ---- threads.md: barriers -----------------------------------------------------------------

    const int Workers = 4;
    static Barrier s_round = new Barrier(Workers);   // nk_barrier_init(b, 4)
    static int s_lastArrivals;

    static long Phases(void* id)
    {
        for (int round = 0; round < 3; round++)
        {
            // ... this round's share of the work ...
            if (s_round.Arrive())                    // nk_barrier_wait: everyone waits for the last one
                Interlocked.Increment(ref s_lastArrivals);   // true for that last one, once per round
        }
        return 0;
    }

    [Test]
    public static void BarrierRounds()
    {
        s_lastArrivals = 0;
        for (long i = 0; i < Workers; i++) Thread.Launch(&Phases, (void*)i);
        Thread.JoinAllChildren();
        Assert.Equal(3L, s_lastArrivals);
    }

    // ---- threads.md: wait queues --------------------------------------------------------------

    static WaitQueue s_queue;     // nk_wait_queue_create: a zeroed field
    static int s_done;
    static bool Done(void* unused) => Volatile.Read(ref s_done) != 0;

    static long Waiter(void* unused)
    {
        s_queue.WaitUntil(&Done, null);              // nk_wait_queue_sleep_extended(q, cond, state)
        return 1;
    }

    [Test]
    public static void WaitQueueWaitAndWake()
    {
        s_done = 0;
        Thread* t = Thread.Launch(&Waiter, null);
        bool inTime = s_queue.WaitUntil(&Done, null, timeoutNs: 2_000_000);   // false: 2 ms passed first
        Volatile.Write(ref s_done, 1);               // the waker changes the condition first ...
        s_queue.WakeAll();                           // ... then nk_wait_queue_wake_all (WakeOne: the longest waiter)
        Assert.False(inTime);
        Assert.Equal(1L, Thread.Join(t));
    }

    // ---- threads.md: events -------------------------------------------------------------------

    static long s_pings;
    static void OnPing(void* state) => Interlocked.Increment(ref s_pings);   // short, never blocks

    static int s_ping = -1;

    [Test]
    public static void EventsNotifyAndBroadcast()
    {
        if (s_ping < 0) s_ping = Events.Register(&OnPing, null);   // once: up to 64 events
        long before = Volatile.Read(ref s_pings);
        Events.Notify(Cpus.Count - 1, s_ping);       // run it on the last CPU
        WaitForPings(before + 1);                    // (a second notification before it runs would merge with the first)
        Events.Broadcast(s_ping, includeSelf: true); // run it on every CPU
        WaitForPings(before + 1 + Cpus.Count);
    }

    static void WaitForPings(long expected)
    {
        ulong deadline = Time.NowNs + 1_000_000_000;
        while (Volatile.Read(ref s_pings) < expected && Time.NowNs < deadline) Thread.Yield();
        Assert.Equal(expected, Volatile.Read(ref s_pings));
    }

    // ---- smp.md: timers and time --------------------------------------------------------------

    static long s_fired;
    static void OnTimer(void* state) => Interlocked.Add(ref s_fired, (long)state);   // interrupt context: short

    static Timer s_once, s_tick;  // timers are kept and reused (no GC): create them once

    [Test]
    public static void TimersSleepDelayAndTime()
    {
        s_fired = 0;
        s_once ??= new Timer(&OnTimer, (void*)1000);                 // on this CPU
        s_tick ??= new Timer(() => Interlocked.Increment(ref s_fired), cpu: Cpus.Count - 1);
        ulong t0 = Time.NowNs;                       // ns since boot (nk_sched_get_realtime)
        s_once.Arm(2_000_000);                       // one-shot: fires once, 2 ms from now
        s_tick.ArmPeriodic(1_000_000);               // periodic: every 1 ms until cancelled
        Thread.Sleep(10_000_000);                    // nk_sleep: this thread sleeps 10 ms, others run
        bool wasArmed = s_tick.Cancel();             // nk_timer_cancel
        Time.Delay(50_000);                          // nk_delay / udelay: busy-waits 50 µs
        ulong elapsed = Time.NowNs - t0;
        if (Volatile.Read(ref s_fired) < 1000 + 1)
        {
            // A busy host can hold the last CPU's vCPU thread off for all of those 10 ms; give the
            // periodic timer a second, longer chance before calling it lost.
            s_tick.ArmPeriodic(1_000_000);
            ulong end = Time.NowNs + 1_000_000_000;
            while (Volatile.Read(ref s_fired) < 1000 + 1 && Time.NowNs < end) Thread.Yield();
            s_tick.Cancel();
        }

        Assert.True(wasArmed, "a periodic timer stays armed");
        Assert.False(s_once.IsArmed, "a one-shot timer is done after firing");
        Assert.True(s_fired >= 1000 + 1, "the one-shot fired once and the periodic at least once");
        Assert.True(s_fired < 2000, "the one-shot fired only once");
        Assert.True(elapsed >= 10_050_000, "slept and delayed at least as long as asked");
    }
}
