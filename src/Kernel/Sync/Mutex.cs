using System.Threading;
using Nacre.Threads;

namespace Nacre.Sync
{
    /// <summary>
    /// A sleeping lock for threads: uncontended acquire/release are one atomic each; a contended
    /// acquire sleeps on a wait queue instead of spinning. Use SpinLock for very short sections
    /// and in interrupt handlers.
    /// </summary>
    public unsafe struct Mutex
    {
        private int _state;          // 0 free, 1 held, 2 held with (possible) waiters
        private WaitQueue _waiters;

        public void Acquire()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0) return;
            fixed (Mutex* self = &this)
            {
                // Mark contended; if it was free meanwhile we own it (as "held with waiters": harmless).
                while (Interlocked.Exchange(ref _state, 2) != 0)
                    _waiters.WaitUntil(&IsFreeOrUncontended, self);
            }
        }

        public bool TryAcquire() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public void Release()
        {
            if (Interlocked.Exchange(ref _state, 0) == 2) _waiters.WakeOne();
        }

        private static bool IsFreeOrUncontended(void* m) => Volatile.Read(ref ((Mutex*)m)->_state) != 2;
    }
}
