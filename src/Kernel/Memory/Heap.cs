using System.Runtime;
using System.Threading;
using Nacre.Diagnostics;

namespace Nacre.Memory
{
    /// <summary>
    /// The kernel heap: 24 size classes from 16 B to 2 KiB, each a SlabCache over buddy blocks, and
    /// anything larger straight from the page allocator as one block of 2^order pages. Memory is
    /// zeroed and 16-byte aligned (large blocks are page aligned). In front of the slabs each CPU
    /// has two magazines per class (CpuHeapCache): most allocations and frees take no lock and
    /// touch no shared line; the depot's and the slabs' interrupt-safe locks are taken once per
    /// magazine's worth. Large allocations take only the zone's lock.
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
        private static MagazineDepot* s_depots;
        private static bool s_magazines;             // a CPU has a CpuHeapCache: per-CPU state exists
        private static long s_largeBytes;
        private static bool s_ready;

        public static bool Ready => s_ready;

        // Full magazines a class's depot keeps: enough to pass objects between a few CPUs.
        private const int MaxFullMagazines = 16;

        /// <summary>Gives a CPU its magazines (Cpus.Register, once the CPU's GS points at its PerCpu).</summary>
        public static void AttachCpu(Nacre.Cpus.PerCpu* cpu)
        {
            if (!s_ready) return;
            CpuHeapCache.Attach(cpu);
            s_magazines = true;
        }

        /// <summary>
        /// Returns the calling CPU's cached objects and the depots' full magazines to the slabs, so
        /// that empty slabs go back to the page allocator (other CPUs keep their two magazines).
        /// </summary>
        public static void Drain()
        {
            if (!s_magazines) return;
            CpuHeapCache* cache = CpuHeapCache.Claim();
            if (cache != null)
            {
                cache->Drain(s_caches, s_depots);
                cache->Release();
            }
            for (int c = 0; c < SizeClassCount; c++)
                for (Magazine* m; (m = s_depots[c].TakeFull()) != null;)
                {
                    s_caches[c].FreeBatch((void**)m->Round, m->Rounds);
                    m->Rounds = 0;
                    s_depots[c].PutEmpty(m);
                }
        }

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
                s_caches = (SlabCache*)ZeroedPages((ulong)(SizeClassCount * sizeof(SlabCache)));
                s_depots = (MagazineDepot*)ZeroedPages((ulong)(SizeClassCount * sizeof(MagazineDepot)));
                for (int i = 0; i < SizeClassCount; i++)
                {
                    s_caches[i].Initialize(i, t->Sizes[i]);
                    s_depots[i].Initialize(t->Sizes[i], MaxFullMagazines);
                }
            }
            s_ready = true;
        }

        /// <summary>Zeroed, 16-byte-aligned memory of at least size bytes, or null when out of memory.</summary>
        public static void* Alloc(nuint size)
        {
            if (size <= MaxSmallSize)
            {
                int c = ClassOf((int)size);
                SlabCache* slabs = s_caches + c;
                void* o;
                CpuHeapCache* cache = s_magazines ? CpuHeapCache.Claim() : null;
                if (cache != null)
                {
                    o = cache->Allocate(slabs, s_depots + c, c);
                    cache->Release();
                }
                else o = AllocateUncached(slabs);
                if (o != null) Zero(o, slabs->ObjectSize);
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
            else if (t >= SlabTagBase && t < SlabTagBase + SizeClassCount)
            {
                int c = t - SlabTagBase;
                SlabCache* slabs = s_caches + c;
                if (!slabs->IsObjectStart(p)) Panic.Message("Heap.Free: pointer is not the start of an object");
                CpuHeapCache* cache = s_magazines ? CpuHeapCache.Claim() : null;
                if (cache != null)
                {
                    cache->Free(slabs, s_depots + c, c, p);
                    cache->Release();
                }
                else FreeUncached(slabs, p);
            }
            else Panic.Message("Heap.Free: not a heap pointer");
        }

        /// <summary>
        /// Allocations and frees that found their CPU's magazines busy — an interrupt handler or a
        /// preempting thread that came in the middle of one — and used the slabs directly.
        /// </summary>
        public static long BusyFallbacks => Volatile.Read(ref s_busyFallbacks);
        private static long s_busyFallbacks;

        private static void* AllocateUncached(SlabCache* slabs)
        {
            if (s_magazines) Interlocked.Increment(ref s_busyFallbacks);
            return slabs->Allocate();
        }

        private static void FreeUncached(SlabCache* slabs, void* p)
        {
            if (s_magazines) Interlocked.Increment(ref s_busyFallbacks);
            slabs->FreeBatch(&p, 1);
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
        /// <summary>Objects of a class handed out and not freed (those in magazines count as free).</summary>
        public static ulong ObjectsInUse(int sizeClass)
        {
            ulong handedOut = s_caches[sizeClass].ObjectsInUse, cached = CachedObjects(sizeClass);
            return handedOut > cached ? handedOut - cached : 0;
        }

        /// <summary>Free objects of a class held in the CPUs' magazines and the depot (racy while they allocate).</summary>
        public static ulong CachedObjects(int sizeClass)
        {
            ulong cached = s_depots[sizeClass].CachedObjects;
            for (int i = 0; i < Nacre.Cpus.Cpus.Count; i++)
            {
                CpuHeapCache* cache = (CpuHeapCache*)Volatile.Read(ref *(nint*)&Nacre.Cpus.Cpus.Get(i)->HeapCache);
                if (cache != null) cached += cache->CachedObjects(sizeClass);
            }
            return cached;
        }

        /// <summary>Rounds one magazine of a class holds.</summary>
        public static int MagazineRounds(int sizeClass) => s_depots[sizeClass].Capacity;
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
                for (int i = 0; i < SizeClassCount; i++) total += ObjectsInUse(i) * s_caches[i].ObjectSize;
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

        // Sizes are multiples of 16: two stores per step.
        private static void Zero(void* p, ulong bytes)
        {
            ulong* q = (ulong*)p, end = (ulong*)((byte*)p + bytes);
            for (; q < end; q += 2) { q[0] = 0; q[1] = 0; }
        }

        private static void* ZeroedPages(ulong bytes)
        {
            void* p = (void*)PageAllocator.Allocate(PageAllocator.OrderFor(bytes));
            if (p == null) Panic.Message("heap: no memory for the size classes");
            Zero(p, (bytes + 15) & ~15UL);
            return p;
        }
    }
}
