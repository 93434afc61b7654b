using System.Threading;
using Nacre.Cpus;
using Nacre.Irq;
using Nacre.Sync;
using Nacre.Testing;
using Nacre.Threads;
using Nacre.Tracing;
using Thread = Nacre.Threads.Thread;

/// <summary>
/// The tracer records what the kernel does: each test turns tracing on, does something, turns
/// it off and reads back the events recorded since, from the rings themselves.
/// </summary>
public static unsafe class TraceTests
{
    private static long Double(void* arg) => 2 * (long)arg;

    // Where each ring's head was when a test began, so it reads only its own events.
    private struct Marks { public fixed ulong Heads[2 * Cpus.Max]; }
    private static Marks s_marks;

    private static void Begin()
    {
        Trace.Start();
        fixed (Marks* m = &s_marks)
            for (int c = 0; c < Cpus.Count; c++)
                for (int k = 0; k < 2; k++)
                    m->Heads[2 * c + k] = Trace.RingOf(c, k == 1)->Head;
    }

    /// <summary>The first event of kind on cpu's ring since Begin that matches, or null.</summary>
    private static TraceEvent* Find(int cpu, bool interrupt, TraceKind kind, uint a, bool anyA = false)
    {
        TraceRing* r = Trace.RingOf(cpu, interrupt);
        ulong from;
        fixed (Marks* m = &s_marks) from = m->Heads[2 * cpu + (interrupt ? 1 : 0)];
        for (ulong i = from; i < r->Head; i++)
        {
            TraceEvent* e = r->Events + (i & r->Mask);
            if (e->Kind == kind && (anyA || e->A == a)) return e;
        }
        return null;
    }

    private static ulong Since(int cpu, bool interrupt)
    {
        fixed (Marks* m = &s_marks) return Trace.RingOf(cpu, interrupt)->Head - m->Heads[2 * cpu + (interrupt ? 1 : 0)];
    }

    [Test]
    public static void ThreadLifeIsRecordedOnItsCpu()
    {
        Begin();
        int cpu = Cpus.Count - 1;
        Thread* t = Thread.Create(&Double, (void*)21, cpu: cpu);
        Thread.Start(t);
        uint id = (uint)t->Id;
        Assert.Equal(42L, Thread.Join(t));
        Trace.Stop();

        int self = Cpus.Current->Index;
        TraceEvent* created = Find(self, false, TraceKind.ThreadCreate, id);
        Assert.True(created != null, "ThreadCreate on the creating CPU");
        Assert.Equal((ulong)(delegate*<void*, long>)&Double & 0xFFFFFFFF, (ulong)created->B);
        Assert.True(Find(self, false, TraceKind.Wake, id) != null, "Wake (Start queues it)");
        TraceEvent* start = Find(cpu, false, TraceKind.ThreadStart, id);
        Assert.True(start != null, "ThreadStart on the thread's CPU");
        Assert.True(start->Tsc >= created->Tsc || cpu != self, "start after create on one CPU");
        Assert.True(Find(cpu, false, TraceKind.Exit, id) != null, "Exit");
        TraceEvent* away = Find(cpu, false, TraceKind.Switch, id);
        Assert.True(away != null, "the switch away from the exited thread");
        TraceEvent* to = FindSwitchTo(cpu, id);
        Assert.True(to != null, "a switch to the thread");
        Assert.True(to->Tsc <= start->Tsc, "switched to before it started");
    }

    private static TraceEvent* FindSwitchTo(int cpu, uint id)
    {
        TraceRing* r = Trace.RingOf(cpu, false);
        ulong from;
        fixed (Marks* m = &s_marks) from = m->Heads[2 * cpu];
        for (ulong i = from; i < r->Head; i++)
        {
            TraceEvent* e = r->Events + (i & r->Mask);
            if (e->Kind == TraceKind.Switch && e->B == id) return e;
        }
        return null;
    }

    private static Semaphore s_go = new Semaphore(0);

    private static long WaitForGo(void* unused)
    {
        s_go.Wait();
        return 1;
    }

    [Test]
    public static void BlockAndWakeAcrossCpus()
    {
        Begin();
        int cpu = Cpus.Count - 1;
        Thread* t = Thread.Launch(&WaitForGo, null, cpu);
        uint id = (uint)t->Id;
        while (t->State != ThreadState.Blocked) Thread.Yield();
        s_go.Post();
        Thread.Join(t);
        Trace.Stop();

        TraceEvent* block = Find(cpu, false, TraceKind.Block, id);
        Assert.True(block != null, "Block on the waiter's CPU");
        // The post's wake-up, recorded on this CPU, after the block (the TSCs agree here).
        TraceRing* r = Trace.RingOf(Cpus.Current->Index, false);
        bool found = false;
        for (ulong i = r->Head - Since(Cpus.Current->Index, false); i < r->Head; i++)
        {
            TraceEvent* e = r->Events + (i & r->Mask);
            if (e->Kind == TraceKind.Wake && e->A == id && e->Tsc > block->Tsc) { found = true; Assert.Equal((long)cpu, (long)e->B); }
        }
        Assert.True(found, "a Wake of the blocked thread after its Block");
    }

    private static int s_vector;
    private static int s_handled;
    private static void OnTestVector(Nacre.Arch.X64.TrapFrame* frame) => Interlocked.Increment(ref s_handled);

    [Test]
    public static void InterruptsGoToTheInterruptRing()
    {
        if (s_vector == 0)
        {
            s_vector = Interrupts.Allocate();
            Interrupts.Register(s_vector, &OnTestVector);
        }
        int self = Cpus.Current->Index;
        Begin();
        int before = Volatile.Read(ref s_handled);
        Ipi.SendSelf(s_vector);
        while (Volatile.Read(ref s_handled) == before) Cpus.Pause();
        Trace.Stop();

        TraceEvent* enter = Find(self, true, TraceKind.IrqEnter, (uint)s_vector);
        TraceEvent* exit = Find(self, true, TraceKind.IrqExit, (uint)s_vector);
        Assert.True(enter != null && exit != null, "IrqEnter and IrqExit in the interrupt ring");
        Assert.True(exit->Tsc >= enter->Tsc, "exit after enter");
        Assert.True(Find(self, false, TraceKind.IrqEnter, (uint)s_vector) == null, "nothing of the handler in the thread ring");
        Assert.True(Find(self, false, TraceKind.IpiSend, (uint)self) != null, "the IpiSend in the thread ring");
        Assert.True(Cpus.Current->TraceRing == Cpus.Current->TraceThreadRing, "back on the thread ring after the handler");
    }

    [Test]
    public static void NothingIsRecordedWhenOff()
    {
        Begin();
        Trace.Stop();
        int self = Cpus.Current->Index;
        ulong head = Trace.RingOf(self, false)->Head;
        Thread.Join(Thread.Launch(&Double, (void*)1, self));
        Trace.Mark(1, 2);
        Assert.Equal(head, Trace.RingOf(self, false)->Head);
    }

    [Test]
    public static void StampsIncreaseAndMarksCarryTheirArguments()
    {
        Begin();
        for (uint i = 0; i < 100; i++) Trace.Mark(i, ~i);
        Trace.Stop();
        int self = Cpus.Current->Index;
        TraceRing* r = Trace.RingOf(self, false);
        ulong last = 0;
        uint next = 0;
        for (ulong i = r->Head - Since(self, false); i < r->Head; i++)
        {
            TraceEvent* e = r->Events + (i & r->Mask);
            Assert.True(e->Tsc >= last, "stamps never go back on one CPU");
            last = e->Tsc;
            if (e->Kind != TraceKind.Mark) continue;
            Assert.Equal((long)next, (long)e->A);
            Assert.Equal((long)~next, (long)e->B);
            next++;
        }
        Assert.Equal(100L, (long)next);
    }

    [Test]
    public static void TheRingKeepsTheNewestWhenFull()
    {
        Begin();
        int self = Cpus.Current->Index;
        TraceRing* r = Trace.RingOf(self, false);
        ulong n = r->Mask + 1 + 10;
        for (ulong i = 0; i < n; i++) Trace.Mark((uint)i);
        Trace.Stop();
        Assert.Equal(r->Mask + 1, r->Held);
        TraceEvent* newest = r->Events + ((r->Head - 1) & r->Mask);
        Assert.True(newest->Kind == TraceKind.Mark, "the newest event is the last mark");
        Assert.Equal((long)(n - 1), (long)newest->A);
    }
}
