using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;

namespace Nacre.Memory
{
    /// <summary>
    /// One CPU's magazines, two per size class (Bonwick's "loaded" and "previous"): allocation pops
    /// the loaded magazine, free pushes onto it, and when it runs out (or over) the two are swapped,
    /// so a CPU can alternate a magazine's worth of allocations and frees without leaving this
    /// struct. Only when both are empty (or full) does it exchange one with the size class's
    /// MagazineDepot, and only when the depot has none does it go to the slabs, a magazine's worth
    /// at a time under one lock acquisition.
    ///
    /// Interrupt and preemption safety without disabling interrupts: the first word is a busy flag
    /// claimed by one non-locked cmpxchg (Cpu.ClaimCpuLocal), atomic against this CPU's interrupts.
    /// Code that finds the struct busy — an interrupt handler that allocates, or a thread that
    /// preempted one inside an allocation — uses the slabs directly. Threads never migrate, so a
    /// thread that claimed the struct is still on its CPU when it releases it.
    /// </summary>
    internal unsafe struct CpuHeapCache
    {
        public int Busy;                                    // first: what ClaimCpuLocal claims
        private int _unused;
        public fixed ulong Loaded[Heap.SizeClassCount];     // Magazine*
        public fixed ulong Previous[Heap.SizeClassCount];

        /// <summary>This CPU's cache, claimed; null before the CPU has one or while it is busy.</summary>
        public static CpuHeapCache* Claim() => (CpuHeapCache*)Cpu.ClaimCpuLocal(PerCpu.HeapCacheOffset);

        public void Release() => Volatile.Write(ref Busy, 0);

        /// <summary>Gives the calling CPU its (empty) cache; the magazines come as they are needed.</summary>
        public static void Attach(PerCpu* cpu)
        {
            ulong page = PageAllocator.Allocate(0);
            if (page == 0) return;      // no cache: this CPU always uses the slabs
            ulong* words = (ulong*)page;
            for (int i = 0; i < sizeof(CpuHeapCache) / 8; i++) words[i] = 0;
            Volatile.Write(ref *(nint*)&cpu->HeapCache, (nint)page);
        }

        /// <summary>An object of size class c (not zeroed), or null when out of memory.</summary>
        public void* Allocate(SlabCache* slabs, MagazineDepot* depot, int c)
        {
            Magazine* m = (Magazine*)Loaded[c];
            if (m != null && m->Rounds > 0) return (void*)m->Round[--m->Rounds];
            // The swap is the common miss (once a magazine's worth): kept here, out of the call.
            Magazine* p = (Magazine*)Previous[c];
            if (p != null && p->Rounds > 0)
            {
                Previous[c] = (ulong)m;
                Loaded[c] = (ulong)p;
                return (void*)p->Round[--p->Rounds];
            }
            return AllocateMiss(slabs, depot, c);
        }

        /// <summary>Caches an object of size class c (already checked to be one).</summary>
        public void Free(SlabCache* slabs, MagazineDepot* depot, int c, void* o)
        {
            Magazine* m = (Magazine*)Loaded[c];
            if (m != null && m->Rounds < depot->Capacity) { m->Round[m->Rounds++] = (ulong)o; return; }
            Magazine* p = (Magazine*)Previous[c];
            if (p != null && p->Rounds == 0)
            {
                Previous[c] = (ulong)m;
                Loaded[c] = (ulong)p;
                p->Round[p->Rounds++] = (ulong)o;
                return;
            }
            FreeMiss(slabs, depot, c, o);
        }

        private void* AllocateMiss(SlabCache* slabs, MagazineDepot* depot, int c)
        {
            // Both magazines are empty (or missing).
            Magazine* loaded = (Magazine*)Loaded[c], previous = (Magazine*)Previous[c];
            Magazine* full = depot->TakeFull();
            if (full != null)
            {
                // previous is empty (or missing): it goes back, loaded becomes previous.
                if (previous != null) depot->PutEmpty(previous);
                Previous[c] = (ulong)loaded;
                Loaded[c] = (ulong)full;
                return (void*)full->Round[--full->Rounds];
            }
            // Nothing cached anywhere: fill a magazine from the slabs in one batch.
            Magazine* m = loaded != null ? loaded : depot->TakeEmpty();
            if (m == null) return slabs->Allocate();
            Loaded[c] = (ulong)m;
            m->Rounds = slabs->AllocateBatch((void**)m->Round, depot->Capacity);
            return m->Rounds > 0 ? (void*)m->Round[--m->Rounds] : null;
        }

        private void FreeMiss(SlabCache* slabs, MagazineDepot* depot, int c, void* o)
        {
            // Both magazines are full (or missing).
            Magazine* loaded = (Magazine*)Loaded[c], previous = (Magazine*)Previous[c];
            Magazine* empty = depot->TakeEmpty();
            if (empty == null) { slabs->FreeBatch(&o, 1); return; }
            // previous is full (or missing): it goes to the depot, loaded becomes previous.
            if (previous != null && !depot->TryPutFull(previous))
            {
                slabs->FreeBatch((void**)previous->Round, previous->Rounds);
                previous->Rounds = 0;
                depot->PutEmpty(previous);
            }
            Previous[c] = (ulong)loaded;
            Loaded[c] = (ulong)empty;
            empty->Round[empty->Rounds++] = (ulong)o;
        }

        /// <summary>Empties both magazines of every class into the slabs (the magazines go to the depots).</summary>
        public void Drain(SlabCache* slabs, MagazineDepot* depots)
        {
            for (int c = 0; c < Heap.SizeClassCount; c++)
            {
                Return(slabs + c, depots + c, (Magazine*)Loaded[c]);
                Return(slabs + c, depots + c, (Magazine*)Previous[c]);
                Loaded[c] = Previous[c] = 0;
            }
        }

        private static void Return(SlabCache* slabs, MagazineDepot* depot, Magazine* m)
        {
            if (m == null) return;
            slabs->FreeBatch((void**)m->Round, m->Rounds);
            m->Rounds = 0;
            depot->PutEmpty(m);
        }

        /// <summary>Objects of class c in this CPU's magazines (a statistic: racy while the CPU allocates).</summary>
        public ulong CachedObjects(int c)
        {
            Magazine* l = (Magazine*)Loaded[c], p = (Magazine*)Previous[c];
            return (ulong)((l != null ? l->Rounds : 0) + (p != null ? p->Rounds : 0));
        }
    }
}
