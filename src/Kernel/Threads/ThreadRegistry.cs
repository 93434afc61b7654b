using System.Threading;
using Nacre.Memory;
using Nacre.Sync;
using SpinLock = Nacre.Sync.SpinLock;

namespace Nacre.Threads
{
    /// <summary>
    /// Every thread control block there has been: created by the pool, or a CPU's boot thread.
    /// Blocks are recycled, never freed, so the list only grows, and readers need no lock: a
    /// block's State tells whether it is a live thread (what the shell's `threads` lists).
    /// </summary>
    public static unsafe class ThreadRegistry
    {
        private static SpinLock s_lock;
        private static nint s_blocks;       // Thread*[]: replaced by a larger copy when full; old copies stay valid
        private static int s_capacity;
        private static int s_count;

        /// <summary>Control blocks registered so far (live threads and pooled ones).</summary>
        public static int Count => Volatile.Read(ref s_count);

        /// <summary>Block i (0 ≤ i &lt; Count). Its fields may change under the reader: for diagnostics.</summary>
        public static Thread* Get(int i) => ((Thread**)Volatile.Read(ref s_blocks))[i];

        /// <summary>True for a thread that is started, or created and not yet started; false for an exited or pooled block.</summary>
        public static bool IsLive(Thread* t) => t != null && t->State != ThreadState.Exited;

        internal static void Add(Thread* t)
        {
            ulong flags = s_lock.AcquireIrqSave();
            if (s_count == s_capacity)
            {
                int capacity = s_capacity == 0 ? 64 : s_capacity * 2;
                Thread** blocks = (Thread**)BootHeap.Alloc((nuint)(capacity * sizeof(Thread*)));
                for (int i = 0; i < s_count; i++) blocks[i] = ((Thread**)s_blocks)[i];
                Volatile.Write(ref s_blocks, (nint)blocks);
                s_capacity = capacity;
            }
            ((Thread**)s_blocks)[s_count] = t;
            Volatile.Write(ref s_count, s_count + 1);
            s_lock.ReleaseIrqRestore(flags);
        }
    }
}
