using Nacre.Memory;
using Nacre.Sync;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// An in-kernel pipe (pipe/pipe2): a 64 KiB ring with blocking reads and writes between the
    /// program's threads. Read on an empty pipe waits for data or for the last writer to close
    /// (then 0); write waits for room, or fails with EPIPE when no reader is left.
    /// </summary>
    public unsafe struct Pipe
    {
        public const int Capacity = 64 * 1024;

        private byte* _buffer;
        private int _head, _count;
        public int Readers, Writers;
        private int _ends;                  // ends not yet closed: the last to close destroys the pipe
        private SpinLock _lock;
        private WaitQueue _readable, _writable;

        public static Pipe* Create()
        {
            var p = (Pipe*)Heap.Alloc((nuint)sizeof(Pipe));
            if (p == null) return null;
            p->_buffer = (byte*)Heap.Alloc(Capacity);
            if (p->_buffer == null) { Heap.Free(p); return null; }
            p->Readers = p->Writers = 1;
            p->_ends = 2;
            return p;
        }

        /// <summary>Bytes read (0 at end of file), or -errno (EAGAIN when nonBlocking and empty).</summary>
        public long Read(byte* destination, ulong length, bool nonBlocking)
        {
            if (length == 0) return 0;
            fixed (Pipe* self = &this)
            {
                while (true)
                {
                    ulong flags = _lock.AcquireIrqSave();
                    if (_count > 0)
                    {
                        int n = (int)(length < (ulong)_count ? length : (ulong)_count);
                        for (int i = 0; i < n; i++) destination[i] = _buffer[(_head + i) % Capacity];
                        _head = (_head + n) % Capacity;
                        _count -= n;
                        _lock.ReleaseIrqRestore(flags);
                        _writable.WakeAll();
                        return n;
                    }
                    bool ended = System.Threading.Volatile.Read(ref Writers) == 0;
                    _lock.ReleaseIrqRestore(flags);
                    if (ended) return 0;
                    if (nonBlocking) return -Errno.EAGAIN;
                    _readable.WaitUntil(&HasDataOrNoWriters, self);
                }
            }
        }

        /// <summary>Bytes written (all of them unless nonBlocking), or -errno.</summary>
        public long Write(byte* source, ulong length, bool nonBlocking)
        {
            ulong done = 0;
            fixed (Pipe* self = &this)
            {
                while (done < length)
                {
                    if (System.Threading.Volatile.Read(ref Readers) == 0) return done > 0 ? (long)done : -Errno.EPIPE;
                    ulong flags = _lock.AcquireIrqSave();
                    int room = Capacity - _count;
                    int n = (int)((length - done) < (ulong)room ? (length - done) : (ulong)room);
                    for (int i = 0; i < n; i++) _buffer[(_head + _count + i) % Capacity] = source[done + (ulong)i];
                    _count += n;
                    _lock.ReleaseIrqRestore(flags);
                    done += (ulong)n;
                    if (n > 0) _readable.WakeAll();
                    if (done < length)
                    {
                        if (nonBlocking) return done > 0 ? (long)done : -Errno.EAGAIN;
                        _writable.WaitUntil(&HasRoomOrNoReaders, self);
                    }
                }
            }
            return (long)done;
        }

        public bool HasData => System.Threading.Volatile.Read(ref _count) > 0;
        public bool HasRoom => System.Threading.Volatile.Read(ref _count) < Capacity;

        /// <summary>One end closed: wakes whoever waits on the other. True when that was the last end (Destroy it).</summary>
        public bool CloseEnd(bool readEnd)
        {
            if (readEnd) System.Threading.Interlocked.Decrement(ref Readers);
            else System.Threading.Interlocked.Decrement(ref Writers);
            _readable.WakeAll();
            _writable.WakeAll();
            return System.Threading.Interlocked.Decrement(ref _ends) == 0;
        }

        /// <summary>Frees a pipe whose both ends are closed.</summary>
        public static void Destroy(Pipe* p)
        {
            Heap.Free(p->_buffer);
            Heap.Free(p);
        }

        private static bool HasDataOrNoWriters(void* p) => ((Pipe*)p)->HasData || System.Threading.Volatile.Read(ref ((Pipe*)p)->Writers) == 0;
        private static bool HasRoomOrNoReaders(void* p) => ((Pipe*)p)->HasRoom || System.Threading.Volatile.Read(ref ((Pipe*)p)->Readers) == 0;
    }
}
