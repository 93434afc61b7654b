using System.Runtime.InteropServices;
using System.Threading;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// A Chase–Lev work-stealing deque of Job pointers with a fixed power-of-two capacity (after
    /// Lê, Pop, Cohen and Zappa Nardelli, "Correct and efficient work-stealing for weak memory
    /// models", PPoPP 2013). The owner pushes and takes at the bottom; thieves steal at the top.
    /// Push returns false when full (the caller then runs the job itself). Top and Bottom live on
    /// separate cache lines. Lives in memory from Platform.Allocate: never copy one.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    internal unsafe struct WorkDeque
    {
        [FieldOffset(0)] private long _top;
        [FieldOffset(64)] private long _bottom;
        [FieldOffset(128)] private Job** _slots;
        [FieldOffset(136)] private long _mask;

        public void Initialize(int capacity)
        {
            if (capacity <= 0 || (capacity & (capacity - 1)) != 0) Platform.Fail("WorkDeque: capacity must be a power of two");
            _slots = (Job**)Platform.Allocate((nuint)(capacity * sizeof(Job*)));
            _mask = capacity - 1;
            _top = 0;
            _bottom = 0;
        }

        public int Capacity => (int)(_mask + 1);

        /// <summary>Jobs in the deque (a snapshot; exact only for the owner with no thief active).</summary>
        public long Count
        {
            get
            {
                long n = Volatile.Read(ref _bottom) - Volatile.Read(ref _top);
                return n < 0 ? 0 : n;
            }
        }

        /// <summary>Owner only.</summary>
        public bool Push(Job* job)
        {
            long b = _bottom;
            long t = Volatile.Read(ref _top);
            if (b - t > _mask) return false;
            _slots[b & _mask] = job;
            Volatile.Write(ref _bottom, b + 1);   // release: the slot before the new bottom
            return true;
        }

        /// <summary>Owner only: the newest job, or null when empty (or a thief won the last one).</summary>
        public Job* Take()
        {
            long b = _bottom - 1;
            Interlocked.Exchange(ref _bottom, b);  // store + full fence: thieves see it before we read top
            long t = Volatile.Read(ref _top);
            if (t > b)
            {
                _bottom = b + 1;                   // empty
                return null;
            }
            Job* job = _slots[b & _mask];
            if (t == b)
            {
                // The last job: race the thieves for it through top.
                if (Interlocked.CompareExchange(ref _top, t + 1, t) != t) job = null;
                _bottom = b + 1;
            }
            return job;
        }

        /// <summary>Any thread: the oldest job, or null when empty or when another thief won it.</summary>
        public Job* Steal()
        {
            long t = Volatile.Read(ref _top);
            Interlocked.MemoryBarrier();           // top before bottom
            long b = Volatile.Read(ref _bottom);
            if (t >= b) return null;
            Job* job = (Job*)Volatile.Read(ref *(nint*)&_slots[t & _mask]);
            if (Interlocked.CompareExchange(ref _top, t + 1, t) != t) return null;
            return job;
        }
    }
}
