using Nacre.Sync;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// The .NET world's threads that have not exited: pthread_kill and pthread_join check a
    /// pthread_t against it (a stale one gets ESRCH, not a crash), and signal delivery to the
    /// process and membarrier walk it.
    /// </summary>
    public static unsafe class LiveThreads
    {
        private static PosixThread* s_head;
        private static SpinLock s_lock;
        private static int s_count;

        public static int Count => s_count;

        public static void Add(PosixThread* t)
        {
            ulong flags = s_lock.AcquireIrqSave();
            t->NextLive = s_head;
            s_head = t;
            s_count++;
            s_lock.ReleaseIrqRestore(flags);
        }

        public static void Remove(PosixThread* t)
        {
            ulong flags = s_lock.AcquireIrqSave();
            if (s_head == t) { s_head = t->NextLive; s_count--; }
            else
                for (PosixThread* p = s_head; p != null; p = p->NextLive)
                    if (p->NextLive == t) { p->NextLive = t->NextLive; s_count--; break; }
            s_lock.ReleaseIrqRestore(flags);
        }

        public static bool Contains(PosixThread* t)
        {
            ulong flags = s_lock.AcquireIrqSave();
            bool found = false;
            for (PosixThread* p = s_head; p != null && !found; p = p->NextLive) found = p == t;
            s_lock.ReleaseIrqRestore(flags);
            return found;
        }

        /// <summary>Calls action(thread, state) for each live thread, with the list locked (action must not block or add threads).</summary>
        public static void ForEach(delegate*<PosixThread*, void*, void> action, void* state)
        {
            ulong flags = s_lock.AcquireIrqSave();
            for (PosixThread* p = s_head; p != null; p = p->NextLive) action(p, state);
            s_lock.ReleaseIrqRestore(flags);
        }
    }
}
