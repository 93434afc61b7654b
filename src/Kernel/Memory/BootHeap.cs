using System.Runtime;
using Nacre.Diagnostics;
using Nacre.Sync;

namespace Nacre.Memory
{
    /// <summary>
    /// The kernel heap behind `new`: a bump allocator over the free RAM above the image. Nothing is
    /// ever freed (there is no garbage collector).
    /// </summary>
    public static unsafe class BootHeap
    {
        private static byte* s_next;
        private static byte* s_end;
        private static byte* s_start;
        private static SpinLock s_lock;

        public static void Initialize(byte* start, byte* end)
        {
            s_start = s_next = (byte*)(((ulong)start + 15) & ~15UL);
            s_end = end;
        }

        public static ulong Used => (ulong)(s_next - s_start);
        public static ulong Free => (ulong)(s_end - s_next);

        /// <summary>Zeroed, 16-byte-aligned memory. Out of memory is a panic, never a null.</summary>
        [RuntimeExport("nacre_alloc")]
        public static void* Alloc(nuint size)
        {
            size = (size + 15) & ~(nuint)15;
            ulong flags = s_lock.AcquireIrqSave();
            byte* p = s_next;
            if (p == null || size > (nuint)(s_end - p))
            {
                s_lock.ReleaseIrqRestore(flags);
                Panic.Message("out of memory: kernel heap exhausted");
            }
            s_next = p + size;
            s_lock.ReleaseIrqRestore(flags);
            ulong* q = (ulong*)p;
            for (nuint i = 0; i < size / 8; i++) q[i] = 0;
            return p;
        }
    }
}
