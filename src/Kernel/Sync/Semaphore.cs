using System.Threading;

namespace Nacre.Sync
{
    /// <summary>A counting semaphore: Wait takes a unit (sleeping while there is none), Post returns one.</summary>
    public unsafe struct Semaphore
    {
        private int _count;
        private WaitQueue _waiters;

        public Semaphore(int initial) { _count = initial; _waiters = default; }

        public int Count => Volatile.Read(ref _count);

        public bool TryWait()
        {
            while (true)
            {
                int c = Volatile.Read(ref _count);
                if (c <= 0) return false;
                if (Interlocked.CompareExchange(ref _count, c - 1, c) == c) return true;
            }
        }

        public void Wait()
        {
            fixed (Semaphore* self = &this)
                while (!TryWait()) _waiters.WaitUntil(&Available, self);
        }

        /// <summary>Wait with a timeout: false (nothing taken) if timeoutNs passed first.</summary>
        public bool Wait(ulong timeoutNs)
        {
            ulong deadline = Nacre.Timing.Time.NowNs + timeoutNs;
            fixed (Semaphore* self = &this)
            {
                while (!TryWait())
                {
                    ulong now = Nacre.Timing.Time.NowNs;
                    if (now >= deadline || !_waiters.WaitUntil(&Available, self, deadline - now)) return TryWait();
                }
            }
            return true;
        }

        public void Post()
        {
            Interlocked.Increment(ref _count);
            _waiters.WakeOne();
        }

        private static bool Available(void* s) => Volatile.Read(ref ((Semaphore*)s)->_count) > 0;
    }
}
