using System.Threading;
using Nacre.Cpus;
using Nacre.Memory;
using Nacre.Testing;
using Nacre.Threads;
using Nacre.Timing;
using Thread = Nacre.Threads.Thread;
using Timer = Nacre.Timing.Timer;

namespace Memory.Tests
{
    /// <summary>
    /// The heap's per-CPU magazines: objects stay in them between a free and the next allocation,
    /// travel between CPUs through the depot, and stay consistent when an interrupt handler or a
    /// preempting thread allocates in the middle of another allocation on the same CPU. Every
    /// object carries a stamp of its owner while it is live, so two owners of one object (a lost
    /// or duplicated round) show up as a wrong stamp.
    /// </summary>
    public static unsafe class MagazineTests
    {
        private const int Size = 64;
        private const int Words = Size / 8;

        // Checks the object arrived zeroed, then stamps every word of it.
        private static bool Stamp(ulong* o, ulong stamp)
        {
            bool zero = true;
            for (int i = 0; i < Words; i++) zero &= o[i] == 0;
            for (int i = 0; i < Words; i++) o[i] = stamp;
            return zero;
        }

        private static bool HasStamp(ulong* o, ulong stamp)
        {
            for (int i = 0; i < Words; i++) if (o[i] != stamp) return false;
            return true;
        }

        [Test]
        public static void AMagazinesWorthStaysOnTheCpu()
        {
            int c = Heap.ClassOf(Size);
            int n = Heap.MagazineRounds(c);
            Assert.True(n >= 8 && n <= 62, "rounds per magazine");
            void** ptrs = stackalloc void*[62];
            for (int i = 0; i < n; i++) ptrs[i] = Heap.Alloc(Size);    // warm: both magazines in place
            for (int i = 0; i < n; i++) Heap.Free(ptrs[i]);
            ulong inUse = Heap.ObjectsInUse(c), slabs = Heap.SlabsOf(c);
            for (int round = 0; round < 100; round++)
            {
                for (int i = 0; i < n; i++) ptrs[i] = Heap.Alloc(Size);
                Assert.Equal(inUse + (ulong)n, Heap.ObjectsInUse(c), "counted in use");
                for (int i = n - 1; i >= 0; i--) Heap.Free(ptrs[i]);
                Assert.Equal(inUse, Heap.ObjectsInUse(c), "cached objects count as free");
            }
            Assert.Equal(slabs, Heap.SlabsOf(c), "no slab taken or given back");
            void* p = Heap.Alloc(Size);
            Heap.Free(p);
            Assert.True(Heap.Alloc(Size) == p, "last freed, first allocated");
            Heap.Free(p);
        }

        [Test]
        public static void DrainReturnsCachedObjectsToTheSlabs()
        {
            int c = Heap.ClassOf(1024);
            void** ptrs = (void**)Heap.Alloc(4096);
            for (int i = 0; i < 300; i++) ptrs[i] = Heap.Alloc(1024);
            ulong slabsFull = Heap.SlabsOf(c);
            for (int i = 0; i < 300; i++) Heap.Free(ptrs[i]);
            Assert.True(Heap.CachedObjects(c) > 0, "frees went to the magazines");
            Heap.Drain();
            Assert.True(Heap.SlabsOf(c) < slabsFull, "empty slabs went back to the page allocator");
            Heap.Free(ptrs);
        }

        // --- Across CPUs: CPU i allocates and sends to CPU i+1, which checks and frees. ---

        private const int RingSize = 256;       // a power of two
        private const int PerCpu = 20000;

        private struct Ring
        {
            public long Head, Tail;             // written by the consumer, the producer
            public fixed ulong Slots[RingSize];
        }

        private struct Exchange
        {
            public Ring* Rings;                 // ring i: CPU i produces, CPU (i+1) % n consumes
            public int Cpus;
            public int Errors;
        }

        private static long ProduceAndConsume(void* arg)
        {
            Exchange* x = (Exchange*)arg;
            int me = Cpus.Current->Index, n = x->Cpus;
            Ring* outbox = x->Rings + me, inbox = x->Rings + (me + n - 1) % n;
            long sent = 0, received = 0;
            while (sent < PerCpu || received < PerCpu)
            {
                bool progress = false;
                if (sent < PerCpu && Volatile.Read(ref outbox->Tail) - Volatile.Read(ref outbox->Head) < RingSize)
                {
                    ulong* o = (ulong*)Heap.Alloc(Size);
                    if (o == null || !Stamp(o, ((ulong)me << 32) | (ulong)sent)) Interlocked.Increment(ref x->Errors);
                    if (o != null)
                    {
                        outbox->Slots[outbox->Tail & (RingSize - 1)] = (ulong)o;
                        Volatile.Write(ref outbox->Tail, outbox->Tail + 1);
                    }
                    sent++;
                    progress = true;
                }
                if (received < PerCpu && Volatile.Read(ref inbox->Head) < Volatile.Read(ref inbox->Tail))
                {
                    ulong* o = (ulong*)inbox->Slots[inbox->Head & (RingSize - 1)];
                    Volatile.Write(ref inbox->Head, inbox->Head + 1);
                    int from = (me + n - 1) % n;
                    if (!HasStamp(o, ((ulong)from << 32) | (ulong)received)) Interlocked.Increment(ref x->Errors);
                    Heap.Free(o);
                    received++;
                    progress = true;
                }
                if (!progress) Thread.Yield();
            }
            return 0;
        }

        [Test]
        public static void ObjectsFreedOnAnotherCpuComeBackIntact()
        {
            int n = Cpus.Count;
            if (n < 2) Assert.Skip("one CPU: nobody to pass objects to");
            int c = Heap.ClassOf(Size);
            ulong inUse = Heap.ObjectsInUse(c);
            var x = new Exchange { Rings = (Ring*)Heap.Alloc((nuint)(n * sizeof(Ring))), Cpus = n };
            Thread** threads = stackalloc Thread*[n];
            for (int i = 1; i < n; i++) threads[i] = Thread.Launch(&ProduceAndConsume, &x, cpu: i, stackSize: 16 * 1024);
            ProduceAndConsume(&x);
            for (int i = 1; i < n; i++) Thread.Join(threads[i]);
            Assert.Equal(0L, x.Errors, "every object arrived zeroed, kept its stamp and was freed once");
            Heap.Free(x.Rings);
            Assert.Equal(inUse, Heap.ObjectsInUse(c), "everything sent was freed");
        }

        // --- On one CPU: a timer interrupt and a second, preempting thread allocate meanwhile. ---

        private struct Churn
        {
            public ulong Stamp;                 // distinct per allocator, so owners can be told apart
            public long Rounds;
            public int Errors;
        }

        // Keeps a window of live, stamped objects and replaces one at a time.
        private static void ChurnOnce(Churn* ch, ulong** window, int size)
        {
            long r = ch->Rounds++;
            int slot = (int)(r % size);
            if (window[slot] != null)
            {
                if (!HasStamp(window[slot], ch->Stamp + (ulong)(r - size))) ch->Errors++;
                Heap.Free(window[slot]);
            }
            ulong* o = (ulong*)Heap.Alloc(Size);
            if (o == null || !Stamp(o, ch->Stamp + (ulong)r)) ch->Errors++;
            window[slot] = o;
        }

        private static Churn s_interrupt;
        private static ulong* s_interruptWindow0, s_interruptWindow1, s_interruptWindow2, s_interruptWindow3;

        private static void OnTimer(void* state)
        {
            fixed (ulong** w = &s_interruptWindow0)
                fixed (Churn* ch = &s_interrupt) ChurnOnce(ch, w, 4);
        }

        private static long ChurnThread(void* arg)
        {
            Churn* ch = (Churn*)arg;
            ulong** window = stackalloc ulong*[32];
            for (int i = 0; i < 32; i++) window[i] = null;
            long until = ch->Rounds;     // how many rounds to run, passed in
            ch->Rounds = 0;
            while (ch->Rounds < until) ChurnOnce(ch, window, 32);
            for (int i = 0; i < 32; i++) Heap.Free(window[i]);
            return 0;
        }

        [Test]
        public static void InterruptsAndPreemptionInsideAnAllocationAreSafe()
        {
            int cpu = Cpus.Current->Index;
            int c = Heap.ClassOf(Size);
            ulong inUse = Heap.ObjectsInUse(c);
            long fallbacks = Heap.BusyFallbacks;
            s_interrupt = new Churn { Stamp = 3UL << 48 };
            var timer = new Timer(&OnTimer, null);
            timer.ArmPeriodic(500_000);     // in the HVM's deprivileged mode an interrupt costs ~100 µs
            var a = new Churn { Stamp = 1UL << 48, Rounds = 50_000 };
            var b = new Churn { Stamp = 2UL << 48, Rounds = 50_000 };
            ThreadScheduler.SetPreemption(1_000_000);
            Thread* ta = Thread.Launch(&ChurnThread, &a, cpu: cpu);
            Thread* tb = Thread.Launch(&ChurnThread, &b, cpu: cpu);
            Thread.Join(ta);
            Thread.Join(tb);
            ThreadScheduler.SetPreemption(0);
            ulong end = Time.NowNs + 5_000_000_000UL;
            while (Heap.BusyFallbacks == fallbacks && Time.NowNs < end)
            {
                a.Rounds = 5_000;
                ChurnThread(&a);
            }
            timer.Cancel();
            Heap.Free(s_interruptWindow0); Heap.Free(s_interruptWindow1);
            Heap.Free(s_interruptWindow2); Heap.Free(s_interruptWindow3);
            s_interruptWindow0 = s_interruptWindow1 = s_interruptWindow2 = s_interruptWindow3 = null;
            Assert.Equal(0L, a.Errors + b.Errors, "the threads' objects kept their stamps");
            Assert.Equal(0L, s_interrupt.Errors, "the interrupt handler's objects kept their stamps");
            Assert.True(s_interrupt.Rounds > 0, "the timer allocated in its handler");
            Assert.True(Heap.BusyFallbacks > fallbacks, "an interrupt came inside an allocation and used the slabs");
            Assert.Equal(inUse, Heap.ObjectsInUse(c), "everything freed");
        }
    }
}
