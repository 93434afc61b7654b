using Nacre.Memory;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// malloc and friends over the kernel heap (size-class slabs, whole pages for big blocks):
    /// 16-byte aligned, SMP-safe, zeroed (the heap hands out zeroed memory, so calloc costs no
    /// more than malloc). Freeing a pointer malloc did not return stops the kernel with a panic
    /// naming the problem, where glibc would abort.
    /// </summary>
    public static unsafe class Malloc
    {
        [LibcExport("malloc")]
        public static void* Allocate(ulong size)
        {
            void* p = Heap.Alloc((nuint)(size == 0 ? 1 : size));
            if (p == null) Errno.Value = Errno.ENOMEM;
            return p;
        }

        [LibcExport("calloc")]
        public static void* AllocateZeroed(ulong count, ulong size)
        {
            ulong bytes = count * size;
            if (size != 0 && bytes / size != count) { Errno.Value = Errno.ENOMEM; return null; }
            return Allocate(bytes);
        }

        [LibcExport("free", "cfree")]
        public static void Free(void* p) => Heap.Free(p);

        [LibcExport("realloc")]
        public static void* Reallocate(void* p, ulong size)
        {
            if (p == null) return Allocate(size);
            if (size == 0) { Heap.Free(p); return null; }
            ulong old = (ulong)Heap.SizeOf(p);
            if (size <= old && size > old / 2) return p;
            void* q = Allocate(size);
            if (q == null) return null;
            Strings.Copy((byte*)q, (byte*)p, old < size ? old : size);
            Heap.Free(p);
            return q;
        }

        [LibcExport("reallocarray")]
        public static void* ReallocateArray(void* p, ulong count, ulong size)
        {
            ulong bytes = count * size;
            if (size != 0 && bytes / size != count) { Errno.Value = Errno.ENOMEM; return null; }
            return Reallocate(p, bytes);
        }

        [LibcExport("malloc_usable_size")]
        public static ulong UsableSize(void* p) => p == null ? 0 : (ulong)Heap.SizeOf(p);

        /// <summary>
        /// Aligned blocks: the heap's blocks of a power-of-two size class are aligned to their
        /// size up to a page, and page blocks to their size, so asking for max(size, alignment)
        /// rounded up to a power of two gives the alignment.
        /// </summary>
        [LibcExport("posix_memalign")]
        public static int AllocateAligned(void** result, ulong alignment, ulong size)
        {
            if (alignment < 8 || (alignment & (alignment - 1)) != 0) return Errno.EINVAL;
            void* p = Aligned(alignment, size);
            if (p == null) return Errno.ENOMEM;
            *result = p;
            return 0;
        }

        [LibcExport("aligned_alloc", "memalign")]
        public static void* AlignedAlloc(ulong alignment, ulong size)
        {
            if (alignment == 0 || (alignment & (alignment - 1)) != 0) { Errno.Value = Errno.EINVAL; return null; }
            void* p = Aligned(alignment, size);
            if (p == null) Errno.Value = Errno.ENOMEM;
            return p;
        }

        [LibcExport("valloc")]
        public static void* PageAligned(ulong size) => AlignedAlloc(4096, size);

        private static void* Aligned(ulong alignment, ulong size)
        {
            if (alignment <= 16) return Heap.Alloc((nuint)(size == 0 ? 1 : size));
            ulong bytes = size < alignment ? alignment : size;
            ulong power = 1;
            while (power < bytes) power <<= 1;
            void* p = Heap.Alloc((nuint)power);
            if (p != null && ((ulong)p & (alignment - 1)) != 0)
            {
                Heap.Free(p);
                return null;
            }
            return p;
        }
    }
}
