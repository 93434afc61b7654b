using System.Threading;
using Nacre.Arch.X64;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Sync
{
    /// <summary>
    /// Waiting on a 32-bit word, as Linux's futex: Wait sleeps only if the word still holds the
    /// value the caller saw (checked under the bucket lock that Wake takes, so a change plus Wake
    /// between the caller's read and its sleep is never lost), and Wake wakes up to n threads
    /// waiting on that address. Waiters hash into 256 buckets by address; each sleeps on its own
    /// stack-allocated record, so nothing is allocated. Lock-based primitives of other layers
    /// (the .NET world's pthread mutexes and condition variables) are built on it.
    /// </summary>
    public static unsafe class Futex
    {
        public const int Woken = 0, ValueChanged = 1, TimedOut = 2;
        private const int BucketCount = 256;

        private struct Waiter
        {
            public Thread* Thread;
            public int* Address;
            public Waiter* Next;
            public int Bucket;
            public int Woken;
        }

        private struct Bucket { public SpinLock Lock; public Waiter* Head; }
        private struct Buckets { public fixed byte Bytes[BucketCount * 16]; }
        private static Buckets s_buckets;

        private static Bucket* BucketOf(int index)
        {
            fixed (Buckets* b = &s_buckets) return (Bucket*)b + index;
        }

        private static int Hash(int* address) => (int)((((ulong)address >> 2) * 0x9E3779B97F4A7C15UL) >> 56);

        /// <summary>
        /// Sleeps while *address == expected, until Wake or timeoutNs (ulong.MaxValue: none).
        /// Returns Woken, ValueChanged (it did not hold expected: no sleep) or TimedOut.
        /// </summary>
        public static int Wait(int* address, int expected, ulong timeoutNs = ulong.MaxValue)
        {
            Thread* self = Thread.Current;
            int index = Hash(address);
            Bucket* bucket = BucketOf(index);
            Waiter w;
            w.Thread = self;
            w.Address = address;
            w.Next = null;
            w.Bucket = index;
            w.Woken = 0;

            ulong flags = bucket->Lock.AcquireIrqSave();
            if (Volatile.Read(ref *address) != expected)
            {
                bucket->Lock.ReleaseIrqRestore(flags);
                return ValueChanged;
            }
            if (timeoutNs == 0)
            {
                bucket->Lock.ReleaseIrqRestore(flags);
                return TimedOut;
            }
            Waiter** tail = &bucket->Head;
            while (*tail != null) tail = &(*tail)->Next;
            *tail = &w;
            ThreadScheduler.MarkBlocked(self);
            Nacre.Timing.Timer timer = null;
            if (timeoutNs != ulong.MaxValue)
            {
                timer = ThreadScheduler.SleepTimerOf(self);
                self->TimedQueue = &w;
                self->TimedCancel = &CancelOnTimeout;
                self->TimedOut = 0;
                timer.Arm(timeoutNs);
            }
            bucket->Lock.Release();
            ThreadScheduler.Block();
            Cpu.RestoreFlags(flags);
            if (timer != null)
            {
                timer.Cancel();
                self->TimedQueue = null;
                self->TimedCancel = null;
            }
            return Volatile.Read(ref w.Woken) != 0 ? Woken : TimedOut;
        }

        /// <summary>Wakes up to count threads waiting on address (longest waiter first); returns how many.</summary>
        public static int Wake(int* address, int count)
        {
            if (count <= 0) return 0;
            Bucket* bucket = BucketOf(Hash(address));
            Thread** woken = stackalloc Thread*[16];
            int total = 0;
            while (true)
            {
                int n = 0;
                ulong flags = bucket->Lock.AcquireIrqSave();
                Waiter** link = &bucket->Head;
                while (*link != null && n < 16 && total + n < count)
                {
                    Waiter* w = *link;
                    if (w->Address != address) { link = &w->Next; continue; }
                    *link = w->Next;
                    woken[n++] = w->Thread;
                    Volatile.Write(ref w->Woken, 1);   // w lives on its thread's stack: not touched after this
                }
                bool more = *link != null && total + n < count;
                bucket->Lock.ReleaseIrqRestore(flags);
                for (int i = 0; i < n; i++) ThreadScheduler.MakeReady(woken[i]);
                total += n;
                if (!more || n == 0) return total;
            }
        }

        // The sleep timer fired: take the waiter off its bucket unless Wake already did.
        private static bool CancelOnTimeout(Thread* t)
        {
            Waiter* w = (Waiter*)t->TimedQueue;
            if (w == null) return false;
            Bucket* bucket = BucketOf(w->Bucket);
            ulong flags = bucket->Lock.AcquireIrqSave();
            bool found = false;
            for (Waiter** link = &bucket->Head; *link != null; link = &(*link)->Next)
                if (*link == w) { *link = w->Next; found = true; break; }
            bucket->Lock.ReleaseIrqRestore(flags);
            if (found) t->TimedOut = 1;
            return found;
        }
    }
}
