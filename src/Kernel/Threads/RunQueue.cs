using Nacre.Sync;

namespace Nacre.Threads
{
    /// <summary>A CPU's FIFO of ready threads (intrusive through Thread.Next). Callers hold Lock.</summary>
    internal unsafe struct RunQueue
    {
        public SpinLock Lock;
        private Thread* _head;
        private Thread* _tail;
        public volatile int Count;   // read without the lock by polling idle loops

        public void Append(Thread* t)
        {
            t->Next = null;
            if (_tail == null) _head = t;
            else _tail->Next = t;
            _tail = t;
            Count++;
        }

        public Thread* TakeFirst()
        {
            Thread* t = _head;
            if (t == null) return null;
            _head = t->Next;
            if (_head == null) _tail = null;
            t->Next = null;
            Count--;
            return t;
        }
    }
}
