using System.Threading;
using Nacre.Sync;
using SpinLock = Nacre.Sync.SpinLock;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// pthread mutexes, condition variables and read-write locks on the kernel's Futex, in
    /// glibc's object sizes and with its static initialisers (all-zero objects are valid
    /// default ones; a mutex's kind is read from offset 16, where PTHREAD_RECURSIVE_MUTEX_
    /// INITIALIZER_NP puts it). Uncontended lock and unlock are one atomic instruction each;
    /// contended waiters sleep in the kernel, and timed waits take CLOCK_REALTIME or
    /// CLOCK_MONOTONIC deadlines (pthread_condattr_setclock).
    /// </summary>
    public static unsafe class PthreadSync
    {
        private const int Normal = 0, Recursive = 1, ErrorCheck = 2, Adaptive = 3;

        // pthread_mutex_t (40 bytes): state 0 free / 1 held / 2 held and contended, then the
        // recursion count, the owner's thread id, and the kind at offset 16.
        public struct Mutex { public int State; public uint Count; public int Owner; public int Unused; public int Kind; }

        // pthread_cond_t (48 bytes): a sequence number that every signal bumps, and the clock.
        public struct Cond { public int Sequence; public int Clock; }

        // pthread_rwlock_t (56 bytes): -1 writer, n > 0 readers; writers waiting; a wake-up sequence.
        public struct RwLock { public int State; public int WritersWaiting; public int Sequence; public int WriterOwner; }

        private static int Self => Pthreads.ThreadId();

        [LibcExport("pthread_mutexattr_init")]
        public static int MutexAttrInit(int* attr) { *attr = Normal; return 0; }

        [LibcExport("pthread_mutexattr_destroy", "pthread_condattr_destroy", "pthread_rwlockattr_destroy")]
        public static int AttrDestroy(int* attr) => 0;

        [LibcExport("pthread_mutexattr_settype")]
        public static int MutexAttrSetType(int* attr, int kind)
        {
            if (kind < Normal || kind > Adaptive) return Errno.EINVAL;
            *attr = kind;
            return 0;
        }

        [LibcExport("pthread_mutexattr_gettype")]
        public static int MutexAttrGetType(int* attr, int* kind) { *kind = *attr; return 0; }

        [LibcExport("pthread_mutex_init")]
        public static int MutexInit(Mutex* m, int* attr)
        {
            *m = default;
            m->Kind = attr == null ? Normal : *attr;
            return 0;
        }

        [LibcExport("pthread_mutex_destroy")]
        public static int MutexDestroy(Mutex* m) => Volatile.Read(ref m->State) != 0 ? Errno.EBUSY : 0;

        [LibcExport("pthread_mutex_lock")]
        public static int MutexLock(Mutex* m) => Lock(m, false, ulong.MaxValue);

        [LibcExport("pthread_mutex_trylock")]
        public static int MutexTryLock(Mutex* m) => Lock(m, true, ulong.MaxValue);

        [LibcExport("pthread_mutex_timedlock")]
        public static int MutexTimedLock(Mutex* m, long* deadline)
        {
            if (!Clock.FromTimespec(deadline, out ulong ns)) return Errno.EINVAL;
            return Lock(m, false, ns);
        }

        private static int Lock(Mutex* m, bool tryOnly, ulong realtimeDeadline)
        {
            int kind = m->Kind & 3;
            if (kind != Normal && kind != Adaptive && m->Owner == Self)
            {
                if (kind == ErrorCheck) return Errno.EDEADLK;
                m->Count++;
                return 0;
            }
            if (Interlocked.CompareExchange(ref m->State, 1, 0) != 0)
            {
                if (tryOnly) return Errno.EBUSY;
                // Spin a little first: most holds are short, and a sleep costs a switch.
                for (int spin = 0; spin < 100; spin++)
                {
                    Nacre.Arch.X64.Processor.Pause();
                    if (Volatile.Read(ref m->State) == 0 && Interlocked.CompareExchange(ref m->State, 1, 0) == 0) goto acquired;
                }
                while (Interlocked.Exchange(ref m->State, 2) != 0)
                {
                    ulong timeout = ulong.MaxValue;
                    if (realtimeDeadline != ulong.MaxValue)
                    {
                        ulong now = Clock.NowNs(Clock.Realtime);
                        if (now >= realtimeDeadline) return Errno.ETIMEDOUT;
                        timeout = realtimeDeadline - now;
                    }
                    Futex.Wait(&m->State, 2, timeout);
                }
            }
        acquired:
            m->Owner = Self;
            m->Count = 1;
            return 0;
        }

        [LibcExport("pthread_mutex_unlock")]
        public static int MutexUnlock(Mutex* m)
        {
            int kind = m->Kind & 3;
            if (kind != Normal && kind != Adaptive)
            {
                if (m->Owner != Self) return Errno.EPERM;
                if (--m->Count != 0) return 0;
            }
            m->Owner = 0;
            if (Interlocked.Exchange(ref m->State, 0) == 2) Futex.Wake(&m->State, 1);
            return 0;
        }

        [LibcExport("pthread_condattr_init")]
        public static int CondAttrInit(int* attr) { *attr = Clock.Realtime; return 0; }

        [LibcExport("pthread_condattr_setclock")]
        public static int CondAttrSetClock(int* attr, int clock)
        {
            if (clock != Clock.Realtime && clock != Clock.Monotonic) return Errno.EINVAL;
            *attr = clock;
            return 0;
        }

        [LibcExport("pthread_condattr_getclock")]
        public static int CondAttrGetClock(int* attr, int* clock) { *clock = *attr; return 0; }

        [LibcExport("pthread_cond_init")]
        public static int CondInit(Cond* c, int* attr)
        {
            *c = default;
            c->Clock = attr == null ? Clock.Realtime : *attr;
            return 0;
        }

        [LibcExport("pthread_cond_destroy")]
        public static int CondDestroy(Cond* c) => 0;

        [LibcExport("pthread_cond_wait")]
        public static int CondWait(Cond* c, Mutex* m) => Wait(c, m, ulong.MaxValue, c->Clock);

        [LibcExport("pthread_cond_timedwait")]
        public static int CondTimedWait(Cond* c, Mutex* m, long* deadline)
        {
            if (!Clock.FromTimespec(deadline, out ulong ns)) return Errno.EINVAL;
            return Wait(c, m, ns, c->Clock);
        }

        [LibcExport("pthread_cond_clockwait")]
        public static int CondClockWait(Cond* c, Mutex* m, int clock, long* deadline)
        {
            if (!Clock.FromTimespec(deadline, out ulong ns) || (clock != Clock.Realtime && clock != Clock.Monotonic)) return Errno.EINVAL;
            return Wait(c, m, ns, clock);
        }

        // Waits until the sequence moves (a signal or broadcast after the mutex was let go) or
        // the deadline on clock passes; spurious wake-ups are allowed, as POSIX says.
        private static int Wait(Cond* c, Mutex* m, ulong deadline, int clock)
        {
            int sequence = Volatile.Read(ref c->Sequence);
            uint count = m->Count;
            int kind = m->Kind & 3;
            if (kind == Recursive || kind == ErrorCheck) { if (m->Owner != Self) return Errno.EPERM; m->Count = 1; }
            MutexUnlock(m);
            int result = 0;
            ulong timeout = ulong.MaxValue;
            if (deadline != ulong.MaxValue)
            {
                ulong now = Clock.NowNs(clock);
                timeout = deadline > now ? deadline - now : 0;
            }
            if (Futex.Wait(&c->Sequence, sequence, timeout) == Futex.TimedOut) result = Errno.ETIMEDOUT;
            // Relock as contended: other waiters this signal did not wake may be queued on it.
            while (Interlocked.Exchange(ref m->State, 2) != 0) Futex.Wait(&m->State, 2);
            m->Owner = Self;
            m->Count = count;
            Signals.DeliverPending();
            return result;
        }

        [LibcExport("pthread_cond_signal")]
        public static int CondSignal(Cond* c)
        {
            Interlocked.Increment(ref c->Sequence);
            Futex.Wake(&c->Sequence, 1);
            return 0;
        }

        [LibcExport("pthread_cond_broadcast")]
        public static int CondBroadcast(Cond* c)
        {
            Interlocked.Increment(ref c->Sequence);
            Futex.Wake(&c->Sequence, int.MaxValue);
            return 0;
        }

        [LibcExport("pthread_rwlockattr_init")]
        public static int RwLockAttrInit(int* attr) { *attr = 0; return 0; }

        [LibcExport("pthread_rwlock_init")]
        public static int RwLockInit(RwLock* l, int* attr) { *l = default; return 0; }

        [LibcExport("pthread_rwlock_destroy")]
        public static int RwLockDestroy(RwLock* l) => Volatile.Read(ref l->State) != 0 ? Errno.EBUSY : 0;

        [LibcExport("pthread_rwlock_rdlock")]
        public static int RwLockRead(RwLock* l) => ReadLock(l, false);

        [LibcExport("pthread_rwlock_tryrdlock")]
        public static int RwLockTryRead(RwLock* l) => ReadLock(l, true);

        // Readers wait while a writer holds the lock or waits for it (writers are not starved).
        private static int ReadLock(RwLock* l, bool tryOnly)
        {
            while (true)
            {
                int state = Volatile.Read(ref l->State);
                if (state >= 0 && Volatile.Read(ref l->WritersWaiting) == 0)
                {
                    if (Interlocked.CompareExchange(ref l->State, state + 1, state) == state) return 0;
                    continue;
                }
                if (state == -1 && l->WriterOwner == Self) return Errno.EDEADLK;
                if (tryOnly) return Errno.EBUSY;
                int sequence = Volatile.Read(ref l->Sequence);
                if (Volatile.Read(ref l->State) >= 0 && Volatile.Read(ref l->WritersWaiting) == 0) continue;
                Futex.Wait(&l->Sequence, sequence);
            }
        }

        [LibcExport("pthread_rwlock_wrlock")]
        public static int RwLockWrite(RwLock* l) => WriteLock(l, false);

        [LibcExport("pthread_rwlock_trywrlock")]
        public static int RwLockTryWrite(RwLock* l) => WriteLock(l, true);

        private static int WriteLock(RwLock* l, bool tryOnly)
        {
            if (Interlocked.CompareExchange(ref l->State, -1, 0) == 0) { l->WriterOwner = Self; return 0; }
            if (tryOnly) return Errno.EBUSY;
            if (Volatile.Read(ref l->State) == -1 && l->WriterOwner == Self) return Errno.EDEADLK;
            Interlocked.Increment(ref l->WritersWaiting);
            while (true)
            {
                int sequence = Volatile.Read(ref l->Sequence);
                if (Interlocked.CompareExchange(ref l->State, -1, 0) == 0) break;
                Futex.Wait(&l->Sequence, sequence);
            }
            Interlocked.Decrement(ref l->WritersWaiting);
            l->WriterOwner = Self;
            return 0;
        }

        [LibcExport("pthread_rwlock_unlock")]
        public static int RwLockUnlock(RwLock* l)
        {
            int state = Volatile.Read(ref l->State);
            if (state == -1)
            {
                l->WriterOwner = 0;
                Volatile.Write(ref l->State, 0);
            }
            else if (state > 0)
            {
                if (Interlocked.Decrement(ref l->State) != 0) return 0;
            }
            else return Errno.EPERM;
            Interlocked.Increment(ref l->Sequence);
            Futex.Wake(&l->Sequence, int.MaxValue);
            return 0;
        }

        [LibcExport("pthread_spin_init")]
        public static int SpinInit(int* lock_, int shared) { *lock_ = 0; return 0; }

        [LibcExport("pthread_spin_destroy")]
        public static int SpinDestroy(int* lock_) => 0;

        [LibcExport("pthread_spin_lock")]
        public static int SpinLock(int* lock_)
        {
            while (Interlocked.Exchange(ref *lock_, 1) != 0)
                while (Volatile.Read(ref *lock_) != 0) Nacre.Arch.X64.Processor.Pause();
            return 0;
        }

        [LibcExport("pthread_spin_trylock")]
        public static int SpinTryLock(int* lock_) => Interlocked.Exchange(ref *lock_, 1) == 0 ? 0 : Errno.EBUSY;

        [LibcExport("pthread_spin_unlock")]
        public static int SpinUnlock(int* lock_) { Volatile.Write(ref *lock_, 0); return 0; }
    }
}
