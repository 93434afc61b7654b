using System.Threading;
using Nacre.Threads;

namespace Nacre.Sync
{
    /// <summary>
    /// A reader-writer lock for threads: many readers or one writer. Writers are preferred — a
    /// waiting writer stops new readers — so a stream of readers cannot starve it.
    /// </summary>
    public unsafe struct RwLock
    {
        private const int WriterBit = 1 << 30;
        private int _state;          // readers count, | WriterBit while a writer holds it
        private int _writersWaiting;
        private WaitQueue _waiters;

        public void EnterRead()
        {
            fixed (RwLock* self = &this)
            {
                while (true)
                {
                    int s = Volatile.Read(ref _state);
                    if ((s & WriterBit) == 0 && Volatile.Read(ref _writersWaiting) == 0
                        && Interlocked.CompareExchange(ref _state, s + 1, s) == s)
                        return;
                    _waiters.WaitUntil(&ReadersMayEnter, self);
                }
            }
        }

        public void ExitRead()
        {
            if (Interlocked.Decrement(ref _state) == 0) _waiters.WakeAll();
        }

        public void EnterWrite()
        {
            Interlocked.Increment(ref _writersWaiting);
            fixed (RwLock* self = &this)
                while (Interlocked.CompareExchange(ref _state, WriterBit, 0) != 0)
                    _waiters.WaitUntil(&IsFree, self);
            Interlocked.Decrement(ref _writersWaiting);
        }

        public void ExitWrite()
        {
            Volatile.Write(ref _state, 0);
            _waiters.WakeAll();
        }

        private static bool IsFree(void* l) => Volatile.Read(ref ((RwLock*)l)->_state) == 0;

        private static bool ReadersMayEnter(void* l)
        {
            RwLock* rw = (RwLock*)l;
            return (Volatile.Read(ref rw->_state) & WriterBit) == 0 && Volatile.Read(ref rw->_writersWaiting) == 0;
        }
    }
}
