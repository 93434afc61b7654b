using Internal.Runtime;

namespace System.Threading
{
    /// <summary>
    /// A busy-waiting lock for very short critical sections (a struct: pass it by reference).
    /// With owner tracking (the default) it remembers the holder's thread id, refuses re-entry
    /// (LockRecursionException) and a release by another thread (SynchronizationLockException).
    /// </summary>
    public struct SpinLock
    {
        private int _owner;               // thread id (tracking) or 1 (no tracking); 0 when free
        private readonly bool _untracked;

        public SpinLock(bool enableThreadOwnerTracking) { _owner = 0; _untracked = !enableThreadOwnerTracking; }

        public bool IsHeld => Volatile.Read(ref _owner) != 0;
        public bool IsThreadOwnerTrackingEnabled => !_untracked;

        public bool IsHeldByCurrentThread
        {
            get
            {
                if (_untracked) ThrowHelpers.ThrowInvalidOperationException("Thread tracking is disabled.");
                return Volatile.Read(ref _owner) == Environment.CurrentManagedThreadId;
            }
        }

        public void Enter(ref bool lockTaken) => TryEnter(-1, ref lockTaken);
        public void TryEnter(ref bool lockTaken) => TryEnter(0, ref lockTaken);

        /// <summary>Spins (yielding the CPU between rounds) for up to millisecondsTimeout; -1 forever.</summary>
        public void TryEnter(int millisecondsTimeout, ref bool lockTaken)
        {
            if (lockTaken) ThrowHelpers.ThrowArgumentException("lockTaken must be false");
            int me = _untracked ? 1 : Environment.CurrentManagedThreadId;
            if (!_untracked && Volatile.Read(ref _owner) == me) throw new LockRecursionException();
            long rounds = millisecondsTimeout < 0 ? long.MaxValue : (long)millisecondsTimeout * 1000 + 1;
            for (long i = 0; i < rounds; i++)
            {
                if (Volatile.Read(ref _owner) == 0 && Interlocked.CompareExchange(ref _owner, me, 0) == 0)
                {
                    lockTaken = true;
                    return;
                }
                if ((i & 63) == 63) KernelImports.ThreadYield();
            }
        }

        public void Exit() => Exit(true);

        public void Exit(bool useMemoryBarrier)
        {
            if (!_untracked && Volatile.Read(ref _owner) != Environment.CurrentManagedThreadId)
                throw new SynchronizationLockException("The calling thread does not hold the lock.");
            if (useMemoryBarrier) Interlocked.Exchange(ref _owner, 0);
            else Volatile.Write(ref _owner, 0);
        }
    }

    public class LockRecursionException : Exception
    {
        public LockRecursionException() : base("Recursive lock acquisition is not allowed.") { }
    }
}
