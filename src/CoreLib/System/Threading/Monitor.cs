using System.Collections.Generic;
using Internal.Runtime;

namespace System.Threading
{
    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException() : base("Object synchronization method was called from an unsynchronized block of code.") { }
        public SynchronizationLockException(string message) : base(message) { }
    }

    /// <summary>
    /// `lock` and Monitor. Objects have no header word here, so each locked object gets a sync
    /// block in a table keyed by its address (objects never move or die). The lock is a futex
    /// word (0 free, 1 held, 2 held with waiters) owned by a thread id, and re-entrant; Wait and
    /// Pulse wait on a second word that Pulse bumps, so a pulse between releasing the lock and
    /// sleeping is not lost.
    /// </summary>
    public static class Monitor
    {
        private sealed class SyncBlock
        {
            public int Lock, Owner, Recursion, PulseCount;
        }

        private static readonly Dictionary<nint, SyncBlock> s_blocks = new Dictionary<nint, SyncBlock>();
        private static int s_tableLock;

        private static SyncBlock BlockOf(object obj)
        {
            if (obj == null) ThrowHelpers.ThrowArgumentNullException("obj");
            nint key = System.Runtime.CompilerServices.Unsafe.As<object, nint>(ref obj);
            while (Interlocked.CompareExchange(ref s_tableLock, 1, 0) != 0) KernelImports.ThreadYield();
            if (!s_blocks.TryGetValue(key, out SyncBlock block))
            {
                block = new SyncBlock();
                s_blocks.Add(key, block);
            }
            Volatile.Write(ref s_tableLock, 0);
            return block;
        }

        public static void Enter(object obj)
        {
            SyncBlock b = BlockOf(obj);
            int me = Environment.CurrentManagedThreadId;
            if (b.Owner == me) { b.Recursion++; return; }
            Acquire(b, -1);
            b.Owner = me;
            b.Recursion = 1;
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            if (lockTaken) ThrowHelpers.ThrowArgumentException("lockTaken must be false");
            Enter(obj);
            lockTaken = true;
        }

        public static bool TryEnter(object obj) => TryEnter(obj, 0);

        public static void TryEnter(object obj, ref bool lockTaken)
        {
            if (lockTaken) ThrowHelpers.ThrowArgumentException("lockTaken must be false");
            lockTaken = TryEnter(obj, 0);
        }

        public static bool TryEnter(object obj, int millisecondsTimeout)
        {
            SyncBlock b = BlockOf(obj);
            int me = Environment.CurrentManagedThreadId;
            if (b.Owner == me) { b.Recursion++; return true; }
            if (!Acquire(b, millisecondsTimeout)) return false;
            b.Owner = me;
            b.Recursion = 1;
            return true;
        }

        public static void Exit(object obj)
        {
            SyncBlock b = BlockOf(obj);
            if (b.Owner != Environment.CurrentManagedThreadId) throw new SynchronizationLockException();
            if (--b.Recursion > 0) return;
            b.Owner = 0;
            Release(b);
        }

        public static bool IsEntered(object obj) => BlockOf(obj).Owner == Environment.CurrentManagedThreadId;

        public static bool Wait(object obj) => Wait(obj, -1);

        /// <summary>Releases the lock, waits for a Pulse (or the timeout), then takes the lock back.</summary>
        public static bool Wait(object obj, int millisecondsTimeout)
        {
            SyncBlock b = BlockOf(obj);
            int me = Environment.CurrentManagedThreadId;
            if (b.Owner != me) throw new SynchronizationLockException();
            int pulses = Volatile.Read(ref b.PulseCount);
            int recursion = b.Recursion;
            b.Owner = 0;
            b.Recursion = 0;
            Release(b);
            bool pulsed = FutexWord.Wait(ref b.PulseCount, pulses, millisecondsTimeout);
            Acquire(b, -1);
            b.Owner = me;
            b.Recursion = recursion;
            return pulsed;
        }

        public static void Pulse(object obj) => Signal(obj, 1);
        public static void PulseAll(object obj) => Signal(obj, int.MaxValue);

        private static void Signal(object obj, int count)
        {
            SyncBlock b = BlockOf(obj);
            if (b.Owner != Environment.CurrentManagedThreadId) throw new SynchronizationLockException();
            Interlocked.Increment(ref b.PulseCount);
            FutexWord.Wake(ref b.PulseCount, count);
        }

        private static bool Acquire(SyncBlock b, int millisecondsTimeout)
        {
            if (Interlocked.CompareExchange(ref b.Lock, 1, 0) == 0) return true;
            if (millisecondsTimeout == 0) return false;
            // Mark the lock contended, then sleep until the holder's release wakes us.
            while (Interlocked.Exchange(ref b.Lock, 2) != 0)
                if (!FutexWord.Wait(ref b.Lock, 2, millisecondsTimeout) && millisecondsTimeout != -1) return false;
            return true;
        }

        private static void Release(SyncBlock b)
        {
            if (Interlocked.Exchange(ref b.Lock, 0) == 2) FutexWord.Wake(ref b.Lock, 1);
        }
    }
}
