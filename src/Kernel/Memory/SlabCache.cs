using Nacre.Diagnostics;
using Nacre.Sync;

namespace Nacre.Memory
{
    /// <summary>
    /// The header at the start of a slab: a naturally aligned buddy block cut into equal objects.
    /// Free objects are chained through their first word. Objects start at HeaderBytes, so they
    /// stay 16-byte aligned and no object is ever at offset 0 of the slab.
    /// </summary>
    internal unsafe struct Slab
    {
        public const int HeaderBytes = 64;

        public Slab* Next;          // in the cache's list of slabs with free objects
        public Slab* Prev;
        public void* FreeList;
        public uint InUse;
        public uint Capacity;
        public uint ObjectSize;
        public int Class;
        public bool OnPartialList;
    }

    /// <summary>
    /// The objects of one size class: slabs with free objects on a list, full slabs off it, behind
    /// an interrupt-safe lock. The CPUs' magazines (CpuHeapCache) sit in front and come here in
    /// batches of a magazine's worth. An empty slab goes back to the buddy unless it is the only one with
    /// free objects (so alloc/free at a boundary does not thrash the page allocator).
    /// </summary>
    internal unsafe struct SlabCache
    {
        public SpinLock Lock;
        public Slab* Partial;
        public int PartialCount;
        public uint ObjectSize;
        public int SlabOrder;
        public int Class;
        public ulong Slabs;         // slabs this cache holds now
        public ulong ObjectsInUse;  // handed out by the slabs, including objects in magazines
        // IsObjectStart without a division: offset − header = q · ObjectSize, ObjectSize = odd · 2^Shift.
        private ulong _oddInverse;  // odd⁻¹ mod 2^64: multiplying an exact multiple of odd by it gives the quotient
        private int _shift;
        private uint _capacity;

        public void Initialize(int sizeClass, uint objectSize)
        {
            Class = sizeClass;
            ObjectSize = objectSize;
            // The smallest slab that holds at least 8 objects (2 KiB objects: 32 KiB slabs, 1.6% waste).
            SlabOrder = 0;
            while (((Buddy.PageSize << SlabOrder) - Slab.HeaderBytes) / objectSize < 8) SlabOrder++;
            _capacity = (uint)(((Buddy.PageSize << SlabOrder) - Slab.HeaderBytes) / objectSize);
            uint odd = objectSize;
            for (_shift = 0; (odd & 1) == 0; _shift++) odd >>= 1;
            ulong inverse = odd;                                    // Newton: each step doubles the correct bits
            for (int i = 0; i < 5; i++) inverse *= 2 - odd * inverse;
            _oddInverse = inverse;
        }

        /// <summary>
        /// True when o is the start of an object of a slab of this cache (the page's tag said so).
        /// A non-multiple of the odd factor multiplies to a quotient beyond any slab's capacity.
        /// </summary>
        public bool IsObjectStart(void* o)
        {
            ulong offset = (ulong)o & ((Buddy.PageSize << SlabOrder) - 1);
            if (offset < Slab.HeaderBytes) return false;
            ulong x = offset - Slab.HeaderBytes;
            if ((x & ((1UL << _shift) - 1)) != 0) return false;
            return (x >> _shift) * _oddInverse < _capacity;
        }

        /// <summary>One object, not zeroed, or null when the page allocator is out of memory.</summary>
        public void* Allocate()
        {
            void* o;
            return AllocateBatch(&o, 1) == 1 ? o : null;
        }

        /// <summary>Up to count objects (not zeroed) into objects under one lock; fewer only when out of memory.</summary>
        public int AllocateBatch(void** objects, int count)
        {
            int taken = 0;
            ulong flags = Lock.AcquireIrqSave();
            while (taken < count)
            {
                Slab* s = Partial;
                if (s == null)
                {
                    s = NewSlab();
                    if (s == null) break;
                    Push(s);
                }
                while (taken < count && s->InUse < s->Capacity)
                {
                    void* o = s->FreeList;
                    s->FreeList = *(void**)o;
                    s->InUse++;
                    objects[taken++] = o;
                }
                if (s->InUse == s->Capacity) Remove(s);
            }
            ObjectsInUse += (ulong)taken;
            Lock.ReleaseIrqRestore(flags);
            return taken;
        }

        public void Free(void* o)
        {
            if (!IsObjectStart(o)) Panic.Message("Heap.Free: pointer is not the start of an object");
            FreeBatch(&o, 1);
        }

        /// <summary>Returns objects (each checked with IsObjectStart by the caller) under one lock.</summary>
        public void FreeBatch(void** objects, int count)
        {
            ulong slabBytes = Buddy.PageSize << SlabOrder;
            ulong flags = Lock.AcquireIrqSave();
            for (int i = 0; i < count; i++)
            {
                void* o = objects[i];
                Slab* s = (Slab*)((ulong)o & ~(slabBytes - 1));
                *(void**)o = s->FreeList;
                s->FreeList = o;
                s->InUse--;
                if (!s->OnPartialList) Push(s);
                else if (s->InUse == 0 && PartialCount > 1)
                {
                    Remove(s);
                    ReleaseSlab(s);
                }
            }
            ObjectsInUse -= (ulong)count;
            Lock.ReleaseIrqRestore(flags);
        }

        private Slab* NewSlab()
        {
            ulong block = PageAllocator.Allocate(SlabOrder);
            if (block == 0) return null;
            Slab* s = (Slab*)block;
            s->Next = s->Prev = null;
            s->OnPartialList = false;
            s->InUse = 0;
            s->ObjectSize = ObjectSize;
            s->Class = Class;
            s->Capacity = _capacity;
            // Chain the objects in address order (the first allocations then walk memory upwards).
            byte* first = (byte*)block + Slab.HeaderBytes;
            for (uint i = 0; i < s->Capacity; i++)
                *(void**)(first + i * ObjectSize) = i + 1 < s->Capacity ? first + (i + 1) * ObjectSize : null;
            s->FreeList = first;
            SetTags(block, (byte)(Heap.SlabTagBase + Class));
            Slabs++;
            return s;
        }

        private void ReleaseSlab(Slab* s)
        {
            SetTags((ulong)s, 0);
            Slabs--;
            PageAllocator.Free((ulong)s, SlabOrder);
        }

        private void SetTags(ulong block, byte tag)
        {
            for (ulong p = 0; p < (1UL << SlabOrder); p++) *PageAllocator.TagOf(block + p * Buddy.PageSize) = tag;
        }

        private void Push(Slab* s)
        {
            s->Prev = null;
            s->Next = Partial;
            if (Partial != null) Partial->Prev = s;
            Partial = s;
            s->OnPartialList = true;
            PartialCount++;
        }

        private void Remove(Slab* s)
        {
            if (s->Prev != null) s->Prev->Next = s->Next;
            else Partial = s->Next;
            if (s->Next != null) s->Next->Prev = s->Prev;
            s->Next = s->Prev = null;
            s->OnPartialList = false;
            PartialCount--;
        }
    }
}
