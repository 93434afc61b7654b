using System.Threading;

namespace Nacre.Sync
{
    /// <summary>
    /// A condition variable, with the usual discipline: hold the lock, test the predicate in a
    /// loop, Wait (which releases the lock while asleep and retakes it before returning).
    /// Signal wakes one waiter, Broadcast all. Works with a Mutex or a SpinLock.
    /// </summary>
    public unsafe struct CondVar
    {
        private WaitQueue _waiters;
        private int _sequence;   // bumped by every signal: a waiter sleeps only if none came since it unlocked

        public void Wait(ref Mutex mutex)
        {
            int seen = Volatile.Read(ref _sequence);
            mutex.Release();
            fixed (CondVar* self = &this)
            {
                WaitArgs args = new WaitArgs { Cv = self, Seen = seen };
                _waiters.WaitUntil(&Signalled, &args);
            }
            mutex.Acquire();
        }

        /// <summary>Wait with a spin lock held (taken with AcquireIrqSave: pass its flags); returns with it held again.</summary>
        public ulong Wait(ref SpinLock spinLock, ulong flags)
        {
            int seen = Volatile.Read(ref _sequence);
            spinLock.ReleaseIrqRestore(flags);
            fixed (CondVar* self = &this)
            {
                WaitArgs args = new WaitArgs { Cv = self, Seen = seen };
                _waiters.WaitUntil(&Signalled, &args);
            }
            return spinLock.AcquireIrqSave();
        }

        public void Signal()
        {
            Interlocked.Increment(ref _sequence);
            _waiters.WakeOne();
        }

        public void Broadcast()
        {
            Interlocked.Increment(ref _sequence);
            _waiters.WakeAll();
        }

        private struct WaitArgs
        {
            public CondVar* Cv;
            public int Seen;
        }

        private static bool Signalled(void* a)
        {
            WaitArgs* args = (WaitArgs*)a;
            return Volatile.Read(ref args->Cv->_sequence) != args->Seen;
        }
    }
}
