using Nacre.Arch.X64;
using Nacre.Threads;

namespace Nacre.Sync
{
    /// <summary>
    /// Threads sleeping until someone wakes them (the building block of every blocking primitive).
    /// WaitUntil checks its condition and enqueues under the queue's lock, and wakers change the
    /// condition before waking, so a wake-up between the check and the sleep is never lost.
    /// Embed in a struct or static field; never copy one in use.
    /// </summary>
    public unsafe struct WaitQueue
    {
        private SpinLock _lock;
        private Thread* _head;
        private Thread* _tail;

        /// <summary>Sleeps until condition(argument) holds (checked first, and again after every wake-up).</summary>
        public void WaitUntil(delegate*<void*, bool> condition, void* argument)
        {
            while (true)
            {
                ulong flags = _lock.AcquireIrqSave();
                if (condition(argument))
                {
                    _lock.ReleaseIrqRestore(flags);
                    return;
                }
                SleepLocked(flags);
            }
        }

        /// <summary>
        /// WaitUntil with a deadline: false if timeoutNs passed first. A timer wakes the thread;
        /// whichever of the timer and a waker takes the thread off this queue first wakes it.
        /// </summary>
        public bool WaitUntil(delegate*<void*, bool> condition, void* argument, ulong timeoutNs)
        {
            Thread* self = Thread.Current;
            ulong deadline = Nacre.Timing.Time.NowNs + timeoutNs;
            Nacre.Timing.Timer timer = ThreadScheduler.SleepTimerOf(self);
            fixed (WaitQueue* queue = &this)
            {
                while (true)
                {
                    ulong flags = _lock.AcquireIrqSave();
                    if (condition(argument)) { _lock.ReleaseIrqRestore(flags); return true; }
                    ulong now = Nacre.Timing.Time.NowNs;
                    if (now >= deadline) { _lock.ReleaseIrqRestore(flags); return false; }
                    self->TimedQueue = queue;
                    self->TimedOut = 0;
                    timer.Arm(deadline - now);
                    SleepLocked(flags);
                    timer.Cancel();
                    self->TimedQueue = null;
                }
            }
        }

        /// <summary>Takes t off the queue if it is still on it (a timed wait's timer racing a waker).</summary>
        internal bool Remove(Thread* t)
        {
            ulong flags = _lock.AcquireIrqSave();
            Thread* prev = null;
            for (Thread* q = _head; q != null; prev = q, q = q->Next)
            {
                if (q != t) continue;
                if (prev == null) _head = q->Next; else prev->Next = q->Next;
                if (_tail == q) _tail = prev;
                _lock.ReleaseIrqRestore(flags);
                return true;
            }
            _lock.ReleaseIrqRestore(flags);
            return false;
        }

        /// <summary>Sleeps until the next WakeOne/WakeAll (the caller rechecks its own condition).</summary>
        public void Sleep()
        {
            ulong flags = _lock.AcquireIrqSave();
            SleepLocked(flags);
        }

        /// <summary>
        /// Releases lock and sleeps, atomically with respect to wake-ups on this queue: a waker that
        /// takes lock after us is guaranteed to find us queued. Returns with lock NOT held.
        /// </summary>
        public void SleepReleasing(ref SpinLock lockToRelease, ulong lockFlags)
        {
            ulong flags = _lock.AcquireIrqSave();
            lockToRelease.Release();
            SleepLocked(lockFlags);
        }

        // With _lock held and interrupts off: queue the current thread, let go, switch away.
        private void SleepLocked(ulong flags)
        {
            Thread* self = Thread.Current;
            self->Next = null;
            if (_tail == null) _head = self; else _tail->Next = self;
            _tail = self;
            ThreadScheduler.MarkBlocked(self);
            _lock.Release();
            ThreadScheduler.Block();
            Cpu.RestoreFlags(flags);
        }

        /// <summary>Wakes the longest waiter; false if there was none.</summary>
        public bool WakeOne()
        {
            ulong flags = _lock.AcquireIrqSave();
            Thread* t = _head;
            if (t != null)
            {
                _head = t->Next;
                if (_head == null) _tail = null;
            }
            _lock.ReleaseIrqRestore(flags);
            if (t == null) return false;
            ThreadScheduler.MakeReady(t);
            return true;
        }

        /// <summary>Wakes every waiter; returns how many.</summary>
        public int WakeAll()
        {
            ulong flags = _lock.AcquireIrqSave();
            Thread* t = _head;
            _head = _tail = null;
            _lock.ReleaseIrqRestore(flags);
            int n = 0;
            while (t != null)
            {
                Thread* next = t->Next;
                ThreadScheduler.MakeReady(t);
                t = next;
                n++;
            }
            return n;
        }

        public bool IsEmpty => _head == null;
    }
}
