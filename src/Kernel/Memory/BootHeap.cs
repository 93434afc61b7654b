using Nacre.Diagnostics;
using Nacre.Sync;

namespace Nacre.Memory
{
    /// <summary>
    /// The early-boot allocator behind `new` until the kernel heap exists: a bump allocator over
    /// the free RAM above the image. Nothing is ever freed. MemorySystem.Initialize closes it; what
    /// it handed out stays reserved forever, and later calls go to the kernel heap.
    /// </summary>
    public static unsafe class BootHeap
    {
        private static byte* s_next;
        private static byte* s_end;
        private static byte* s_start;
        private static bool s_closed;
        private static SpinLock s_lock;

        public static void Initialize(byte* start, byte* end)
        {
            s_start = s_next = (byte*)(((ulong)start + 15) & ~15UL);
            s_end = end;
        }

        public static ulong Used => (ulong)(s_next - s_start);
        public static ulong Free => s_closed ? 0 : (ulong)(s_end - s_next);

        /// <summary>Stops the bump allocator; returns the range it handed out, [start, end).</summary>
        public static void Close(out ulong start, out ulong end)
        {
            ulong flags = s_lock.AcquireIrqSave();
            s_closed = true;
            start = (ulong)s_start;
            end = (ulong)s_next;
            s_lock.ReleaseIrqRestore(flags);
        }

        /// <summary>Zeroed, 16-byte-aligned memory. Out of memory is a panic, never a null.</summary>
        public static void* Alloc(nuint size)
        {
            size = (size + 15) & ~(nuint)15;
            ulong flags = s_lock.AcquireIrqSave();
            if (s_closed)
            {
                s_lock.ReleaseIrqRestore(flags);
                if (!Heap.Ready) Panic.Message("allocation while the memory system is being set up");
                return Heap.AllocateObject(size);
            }
            byte* p = s_next;
            if (p == null || size > (nuint)(s_end - p))
            {
                s_lock.ReleaseIrqRestore(flags);
                Panic.Message("out of memory: boot heap exhausted");
            }
            s_next = p + size;
            s_lock.ReleaseIrqRestore(flags);
            ulong* q = (ulong*)p;
            for (nuint i = 0; i < size / 8; i++) q[i] = 0;
            return p;
        }
    }
}
