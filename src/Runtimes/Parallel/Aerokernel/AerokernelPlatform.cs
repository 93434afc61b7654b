using Nacre.Memory;
using Nacre.Sync;
using Nacre.Threads;
using Nacre.Timing;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// The platform interface on the Aerokernel: kernel threads bound to CPUs (Nacre.Threads), a
    /// thread-local slot for the worker, blocking on hashed wait queues (a futex in 30 lines), the
    /// TSC, and the kernel heap. Idle CPUs follow their scheduler's idle policy: with Poll, a
    /// wake-up is a store the target sees in its idle loop; with Halt (the default on the other
    /// CPUs), it costs an IPI.
    /// </summary>
    internal static unsafe partial class Platform
    {
        private const int WaitBuckets = 64;
        private struct Buckets { public fixed byte Bytes[WaitBuckets * 64]; }   // a WaitQueue per 64 bytes
        private static Buckets s_buckets;
        private static int s_slot = -1;

        private struct Start
        {
            public delegate*<void*, void> Entry;
            public void* Argument;
        }

        public static partial int CpuCount() => Nacre.Cpus.Cpus.Count;

        public static partial void StartBoundThread(int cpu, delegate*<void*, void> entry, void* argument, nuint stackBytes)
        {
            if (s_slot < 0) s_slot = ThreadLocal.CreateSlot();
            if (sizeof(WaitQueue) > 64) Fail("Nacre.Runtimes.Parallel: WaitQueue outgrew its bucket");
            var start = (Start*)Heap.Alloc((nuint)sizeof(Start));
            start->Entry = entry;
            start->Argument = argument;
            Thread* t = Thread.Create(&RunThread, start, stackBytes, cpu);
            Thread.SetName(t, "worker " + cpu);    // for traces and the shell's `threads`
            Thread.Start(t);
        }

        private static long RunThread(void* state)
        {
            var start = (Start*)state;
            start->Entry(start->Argument);
            return 0;
        }

        public static partial void* ThreadValue() => s_slot < 0 ? null : ThreadLocal.Get(s_slot);

        public static partial void SetThreadValue(void* value) => ThreadLocal.Set(s_slot, value);

        private static WaitQueue* QueueOf(int* word)
        {
            ulong h = (ulong)word >> 2;
            h ^= h >> 17;
            fixed (Buckets* b = &s_buckets) return (WaitQueue*)(b->Bytes + (int)(h % WaitBuckets) * 64);
        }

        private static bool NonZero(void* word) => System.Threading.Volatile.Read(ref *(int*)word) != 0;

        public static partial void WaitWhileZero(int* word) => QueueOf(word)->WaitUntil(&NonZero, word);

        public static partial void Wake(int* word) => QueueOf(word)->WakeAll();

        public static partial void Pause() => Nacre.Cpus.Cpus.Pause();

        public static partial void Yield() => Thread.Yield();

        public static partial void YieldIfCooperative() => Thread.Yield();

        public static partial ulong Cycles() => Time.Cycles;

        public static partial ulong CycleHz() => Time.FrequencyHz;

        // Blocks of a page or more come page-aligned from the heap (smaller ones only 16-aligned).
        public static partial void* Allocate(nuint bytes)
        {
            void* p = Heap.Alloc(bytes < 4096 ? 4096 : bytes);
            if (p == null) Fail("Nacre.Runtimes.Parallel: out of memory");
            return p;
        }

        public static partial void Free(void* memory) => Heap.Free(memory);

        // The kernel's TraceKind numbers for spawn, steal, begin and end are consecutive.
        public static partial void TraceTask(TaskEvent what, void* job, uint detail) =>
            Nacre.Tracing.Trace.Record(Nacre.Tracing.TraceKind.TaskSpawn + (byte)what, (uint)(ulong)job, detail);

        public static partial void Fail(string message) => Nacre.Diagnostics.Panic.Message(message);
    }
}
