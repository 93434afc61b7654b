using Nacre.Sync;

namespace Nacre.Memory
{
    /// <summary>
    /// The memory of one NUMA node (or of the whole machine when the firmware describes no nodes):
    /// a buddy allocator behind an interrupt-safe lock, plus one tag byte per page that the kernel
    /// heap uses to know what a page holds when a pointer into it is freed. The Zone, its bitmap and
    /// its tags live at the start of memory carved from the zone itself.
    /// </summary>
    public unsafe struct Zone
    {
        public Buddy Buddy;
        public SpinLock Lock;
        /// <summary>The ACPI proximity domain (0 without an SRAT).</summary>
        public int Node;
        public int Index;
        /// <summary>Lowest and highest usable address of the zone (holes inside are never free).</summary>
        public ulong Start, End;
        /// <summary>One byte per page from Buddy.Origin, owned by the heap (0 = not a heap page).</summary>
        public byte* Tags;

        public ulong TotalBytes => Buddy.ManagedPages * Buddy.PageSize;
        public ulong FreeBytes => Buddy.FreePages * Buddy.PageSize;

        /// <summary>Bytes to carve for a zone spanning [start, end): the struct, bitmap and tags.</summary>
        public static ulong MetadataBytes(ulong start, ulong end)
        {
            ulong origin = start & ~((Buddy.PageSize << Buddy.MaxOrder) - 1);
            return HeaderBytes + Buddy.MetadataBytes(start, end) + ((end - origin) >> Buddy.PageShift);
        }

        private static ulong HeaderBytes => ((ulong)sizeof(Zone) + 63) & ~63UL;

        /// <summary>Sets up a zone with nothing free in the metadata block at memory (MetadataBytes long).</summary>
        public static Zone* Create(void* memory, int index, int node, ulong start, ulong end)
        {
            Zone* z = (Zone*)memory;
            byte* b = (byte*)z;
            for (ulong i = 0; i < HeaderBytes; i++) b[i] = 0;
            z->Index = index;
            z->Node = node;
            z->Start = start;
            z->End = end;
            byte* bitmap = b + HeaderBytes;
            z->Buddy.Initialize(start, end, bitmap);
            z->Tags = bitmap + Buddy.MetadataBytes(start, end);
            ulong pages = (end - z->Buddy.Origin) >> Buddy.PageShift;
            for (ulong i = 0; i < pages; i++) z->Tags[i] = 0;
            return z;
        }

        /// <summary>Allocates under the zone's lock; 0 when the zone has no free block of that order.</summary>
        public ulong Allocate(int order)
        {
            ulong flags = Lock.AcquireIrqSave();
            ulong block = Buddy.Allocate(order);
            Lock.ReleaseIrqRestore(flags);
            return block;
        }

        public void Free(ulong address, int order)
        {
            // The buddy checks alignment and double frees; the zone also knows its usable bounds.
            // (Holes inside them, e.g. the image or a PCI hole, are not checked.)
            if (address < Start || (uint)order > Buddy.MaxOrder || address + (Buddy.PageSize << order) > End)
                Diagnostics.Panic.Message("PageAllocator.Free: block outside its zone's memory");
            ulong flags = Lock.AcquireIrqSave();
            Buddy.Free(address, order);
            Lock.ReleaseIrqRestore(flags);
        }

        /// <summary>The tag byte of the page holding address (which must be in this zone's span).</summary>
        public byte* TagOf(ulong address) => Tags + ((address - Buddy.Origin) >> Buddy.PageShift);
    }
}
