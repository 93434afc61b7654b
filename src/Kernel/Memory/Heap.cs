using System.Runtime;
using System.Threading;
using Nacre.Diagnostics;

namespace Nacre.Memory
{
    /// <summary>
    /// The kernel heap: 24 size classes from 16 B to 2 KiB, each a SlabCache over buddy blocks, and
    /// anything larger straight from the page allocator as one block of 2^order pages. Memory is
    /// zeroed and 16-byte aligned (large blocks are page aligned). SMP-safe: one interrupt-safe lock
    /// per size class; large allocations take only the zone's lock.
    ///
    /// Free finds the size from the zone's tag byte of the pointer's page: a slab's class, or the
    /// order of a large block. Out of memory: Alloc returns null; `new` (nacre_alloc) panics.
    /// </summary>
    public static unsafe class Heap
    {
        public const int MaxSmallSize = 2048;
        public const int SizeClassCount = 24;
        internal const byte SlabTagBase = 1;         // tags 1..24: a slab of class tag-1
        private const byte LargeTag = 0x80;          // 0x80 | order: the first page of a large block

        private struct ClassTable
        {
            public fixed uint Sizes[SizeClassCount];
            public fixed byte BySixteenths[MaxSmallSize / 16 + 1];   // (size + 15) / 16 → class
        }

        private static ClassTable s_classes;
        private static SlabCache* s_caches;
        private static long s_largeBytes;
        private static bool s_ready;

        public static bool Ready => s_ready;

        /// <summary>Sets up the size classes; needs the page allocator.</summary>
        public static void Initialize()
        {
            fixed (ClassTable* t = &s_classes)
            {
                // 16-byte steps to 128, then four classes per power of two: at most 25% waste.
                int c = 0;
                for (uint s = 16; s <= 128; s += 16) t->Sizes[c++] = s;
                for (uint step = 32; c < SizeClassCount; step *= 2)
                    for (int i = 1; i <= 4; i++) t->Sizes[c++] = step * 4 + step * (uint)i;
                c = 0;
                for (int i = 0; i <= MaxSmallSize / 16; i++)
                {
                    while (t->Sizes[c] < i * 16) c++;
                    t->BySixteenths[i] = (byte)c;
                }
                ulong bytes = (ulong)(SizeClassCount * sizeof(SlabCache));
                s_caches = (SlabCache*)PageAllocator.Allocate(PageAllocator.OrderFor(bytes));
                if (s_caches == null) Panic.Message("heap: no memory for the size classes");
                byte* b = (byte*)s_caches;
                for (ulong i = 0; i < bytes; i++) b[i] = 0;
                for (int i = 0; i < SizeClassCount; i++) s_caches[i].Initialize(i, t->Sizes[i]);
            }
            s_ready = true;
        }

        /// <summary>Zeroed, 16-byte-aligned memory of at least size bytes, or null when out of memory.</summary>
        public static void* Alloc(nuint size)
        {
            if (size <= MaxSmallSize)
            {
                SlabCache* cache = s_caches + ClassOf((int)size);
                void* o = cache->Allocate();
                if (o != null) Zero(o, cache->ObjectSize);
                return o;
            }
            int order = PageAllocator.OrderFor(size);
            ulong block = PageAllocator.Allocate(order);
            if (block == 0) return null;
            *PageAllocator.TagOf(block) = (byte)(LargeTag | order);
            Interlocked.Add(ref s_largeBytes, (long)(Buddy.PageSize << order));
            Zero((void*)block, ((ulong)size + 15) & ~15UL);
            return (void*)block;
        }

        /// <summary>Returns memory from Alloc. Null is ignored; any other pointer Alloc did not return panics.</summary>
        public static void Free(void* p)
        {
            if (p == null) return;
            byte* tag = PageAllocator.TagOf((ulong)p);
            byte t = tag == null ? (byte)0 : *tag;
            if (t >= LargeTag)
            {
                int order = t & 0x3F;
                if (((ulong)p & (Buddy.PageSize - 1)) != 0) Panic.Message("Heap.Free: pointer inside a large block");
                *tag = 0;
                Interlocked.Add(ref s_largeBytes, -(long)(Buddy.PageSize << order));
                PageAllocator.Free((ulong)p, order);
            }
            else if (t >= SlabTagBase && t < SlabTagBase + SizeClassCount) s_caches[t - SlabTagBase].Free(p);
            else Panic.Message("Heap.Free: not a heap pointer");
        }

        /// <summary>The usable size of a heap object (its size class, or its large block).</summary>
        public static nuint SizeOf(void* p)
        {
            byte* tag = PageAllocator.TagOf((ulong)p);
            byte t = tag == null ? (byte)0 : *tag;
            if (t >= LargeTag) return (nuint)(Buddy.PageSize << (t & 0x3F));
            if (t >= SlabTagBase && t < SlabTagBase + SizeClassCount) return s_caches[t - SlabTagBase].ObjectSize;
            return 0;
        }

        /// <summary>What `new` calls: the heap once it is up (before that, the boot heap); panics on OOM.</summary>
        [RuntimeExport("nacre_alloc")]
        public static void* AllocateObject(nuint size)
        {
            if (!s_ready) return BootHeap.Alloc(size);
            void* p = Alloc(size);
            if (p == null) Panic.Message("out of memory: kernel heap exhausted");
            return p;
        }

        public static uint SizeClassBytes(int sizeClass) => s_caches[sizeClass].ObjectSize;
        public static ulong ObjectsInUse(int sizeClass) => s_caches[sizeClass].ObjectsInUse;
        public static ulong SlabsOf(int sizeClass) => s_caches[sizeClass].Slabs;
        /// <summary>The size class for size bytes (0 .. MaxSmallSize); -1 for larger sizes.</summary>
        public static int ClassOf(int size)
        {
            if ((uint)size > MaxSmallSize) return -1;
            fixed (ClassTable* t = &s_classes) return t->BySixteenths[(size + 15) >> 4];
        }

        /// <summary>Bytes handed out and not freed: size-class bytes plus whole large blocks.</summary>
        public static ulong BytesInUse
        {
            get
            {
                ulong total = (ulong)Volatile.Read(ref s_largeBytes);
                for (int i = 0; i < SizeClassCount; i++) total += s_caches[i].ObjectsInUse * s_caches[i].ObjectSize;
                return total;
            }
        }

        /// <summary>Bytes of buddy memory the slabs hold (in use or cached).</summary>
        public static ulong SlabBytes
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < SizeClassCount; i++) total += s_caches[i].Slabs * (Buddy.PageSize << s_caches[i].SlabOrder);
                return total;
            }
        }

        private static void Zero(void* p, ulong bytes)
        {
            ulong* q = (ulong*)p;
            for (ulong i = 0; i < bytes / 8; i++) q[i] = 0;
        }
    }
}
