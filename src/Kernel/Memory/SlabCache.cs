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
    /// an interrupt-safe lock. An empty slab goes back to the buddy unless it is the only one with
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
        public ulong ObjectsInUse;

        public void Initialize(int sizeClass, uint objectSize)
        {
            Class = sizeClass;
            ObjectSize = objectSize;
            // The smallest slab that holds at least 8 objects (2 KiB objects: 32 KiB slabs, 1.6% waste).
            SlabOrder = 0;
            while (((Buddy.PageSize << SlabOrder) - Slab.HeaderBytes) / objectSize < 8) SlabOrder++;
        }

        /// <summary>One object, not zeroed, or null when the page allocator is out of memory.</summary>
        public void* Allocate()
        {
            ulong flags = Lock.AcquireIrqSave();
            Slab* s = Partial;
            if (s == null)
            {
                s = NewSlab();
                if (s == null) { Lock.ReleaseIrqRestore(flags); return null; }
                Push(s);
            }
            void* o = s->FreeList;
            s->FreeList = *(void**)o;
            s->InUse++;
            ObjectsInUse++;
            if (s->InUse == s->Capacity) Remove(s);
            Lock.ReleaseIrqRestore(flags);
            return o;
        }

        public void Free(void* o)
        {
            ulong slabBytes = Buddy.PageSize << SlabOrder;
            Slab* s = (Slab*)((ulong)o & ~(slabBytes - 1));
            ulong offset = (ulong)o - (ulong)s;
            if (offset < Slab.HeaderBytes || (offset - Slab.HeaderBytes) % ObjectSize != 0)
                Panic.Message("Heap.Free: pointer is not the start of an object");
            ulong flags = Lock.AcquireIrqSave();
            *(void**)o = s->FreeList;
            s->FreeList = o;
            s->InUse--;
            ObjectsInUse--;
            if (!s->OnPartialList) Push(s);
            else if (s->InUse == 0 && PartialCount > 1)
            {
                Remove(s);
                ReleaseSlab(s);
            }
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
            s->Capacity = (uint)(((Buddy.PageSize << SlabOrder) - Slab.HeaderBytes) / ObjectSize);
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
