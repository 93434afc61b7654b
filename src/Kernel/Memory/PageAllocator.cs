using Nacre.Acpi;
using Nacre.Arch.X64;
using Nacre.Diagnostics;

namespace Nacre.Memory
{
    /// <summary>
    /// Physical pages for the whole kernel: one Zone (buddy allocator) per NUMA node from the ACPI
    /// SRAT, or a single zone when there is none. Addresses are physical and, through the identity
    /// map, also virtual.
    ///
    /// Out of memory is not an error here: Allocate returns 0 and the caller decides (the heap
    /// passes it on as null; `new` panics). Freeing a bad block (misaligned, not ours, double) panics.
    /// </summary>
    public static unsafe class PageAllocator
    {
        public const int MaxZones = 16;
        public const int MaxOrder = Buddy.MaxOrder;
        public const ulong PageSize = Buddy.PageSize;

        private struct ZoneTable { public fixed ulong Zones[MaxZones]; }

        private static ZoneTable s_zones;
        private static int s_zoneCount;

        public static bool Ready => s_zoneCount > 0;
        public static int ZoneCount => s_zoneCount;

        public static Zone* GetZone(int index)
        {
            fixed (ZoneTable* t = &s_zones) return (Zone*)t->Zones[index];
        }

        /// <summary>The zone of NUMA node `node`, or null when there is no such node.</summary>
        public static Zone* ZoneOfNode(int node)
        {
            for (int i = 0; i < s_zoneCount; i++)
                if (GetZone(i)->Node == node) return GetZone(i);
            return null;
        }

        /// <summary>
        /// A block of 2^order contiguous pages (order 0 = 4 KiB .. MaxOrder = 1 GiB), aligned to its
        /// size, NOT zeroed. node = -1: the calling CPU's node first, then the others; node ≥ 0: that
        /// node only. Returns 0 when no such block is free (or the node does not exist).
        /// </summary>
        public static ulong Allocate(int order, int node = -1)
        {
            if (node >= 0)
            {
                Zone* z = ZoneOfNode(node);
                return z == null ? 0 : z->Allocate(order);
            }
            int count = s_zoneCount;
            int first = count > 1 ? PreferredZone() : 0;
            for (int i = 0; i < count; i++)
            {
                ulong block = GetZone((first + i) % count)->Allocate(order);
                if (block != 0) return block;
            }
            return 0;
        }

        /// <summary>Returns a block from Allocate with the same order.</summary>
        public static void Free(ulong address, int order)
        {
            Zone* z = ZoneOf(address);
            if (z == null) Panic.Message("PageAllocator.Free: address is not in any zone");
            z->Free(address, order);
        }

        /// <summary>The smallest order whose block holds `bytes`.</summary>
        public static int OrderFor(ulong bytes)
        {
            int order = 0;
            while (order <= MaxOrder && (PageSize << order) < bytes) order++;
            return order;
        }

        /// <summary>The zone owning the page at address, or null.</summary>
        public static Zone* ZoneOf(ulong address)
        {
            if (s_zoneCount == 1) return GetZone(0)->Buddy.Contains(address) ? GetZone(0) : null;
            // Spans of nodes may interleave, so ownership goes by the SRAT's ranges; memory the
            // SRAT does not cover belongs to the first zone (see Initialize).
            for (int i = 0; i < Srat.MemoryRangeCount; i++)
            {
                Srat.MemoryRange(i, out ulong start, out ulong end, out uint node);
                if (address >= start && address < end)
                {
                    Zone* z = ZoneOfNode((int)node);
                    return z != null && z->Buddy.Contains(address) ? z : null;
                }
            }
            return s_zoneCount > 0 && GetZone(0)->Buddy.Contains(address) ? GetZone(0) : null;
        }

        /// <summary>The heap's tag byte for the page at address, or null when no zone owns it.</summary>
        internal static byte* TagOf(ulong address)
        {
            Zone* z = ZoneOf(address);
            return z == null ? null : z->TagOf(address);
        }

        public static ulong TotalBytes
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < s_zoneCount; i++) total += GetZone(i)->TotalBytes;
                return total;
            }
        }

        public static ulong FreeBytes
        {
            get
            {
                ulong free = 0;
                for (int i = 0; i < s_zoneCount; i++) free += GetZone(i)->FreeBytes;
                return free;
            }
        }

        // The zone of the calling CPU's node. CPUID (not per-CPU state) tells who we are, so this
        // works on a CPU that has no per-CPU area yet; it is only asked when there are several zones.
        private static int PreferredZone()
        {
            int node = Srat.NodeOfApic(Cpu.CurrentApicId);
            for (int i = 0; i < s_zoneCount; i++)
                if (GetZone(i)->Node == node) return i;
            return 0;
        }

        /// <summary>
        /// Creates the zones from what is left of PhysicalMemory and hands them all of it. Each zone's
        /// metadata is carved from the zone's own memory when it fits there.
        /// </summary>
        public static void Initialize()
        {
            s_zoneCount = 0;
            if (!Srat.Present) { AddZone(0, true); return; }
            for (int i = 0; i < Srat.MemoryRangeCount && s_zoneCount < MaxZones; i++)
            {
                Srat.MemoryRange(i, out _, out _, out uint node);
                if (ZoneOfNode((int)node) == null) AddZone((int)node, s_zoneCount == 0);
            }
        }

        /// <summary>
        /// Adds the zone of node: the usable memory inside the SRAT's ranges for the node, plus, for
        /// the first zone, usable memory the SRAT does not cover (firmware tables can be incomplete).
        /// </summary>
        // Scratch lists for AddZone (boot runs on one CPU). Statics, not locals: 2 KiB each, and a
        // frame over a page would need stack probes the kernel does not provide.
        private static RangeList s_mine, s_uncovered;

        private static void AddZone(int node, bool first)
        {
            fixed (RangeList* mine = &s_mine, uncovered = &s_uncovered) AddZone(node, first, mine, uncovered);
        }

        private static void AddZone(int node, bool first, RangeList* mine, RangeList* uncovered)
        {
            mine->Clear();
            for (int u = 0; u < PhysicalMemory.RangeCount; u++)
            {
                ulong us = PhysicalMemory.RangeStart(u), ue = PhysicalMemory.RangeEnd(u);
                if (!Srat.Present) { mine->Add(us, ue); continue; }
                uncovered->Clear();
                uncovered->Add(us, ue);
                for (int i = 0; i < Srat.MemoryRangeCount; i++)
                {
                    Srat.MemoryRange(i, out ulong s, out ulong e, out uint n);
                    uncovered->Remove(s, e);
                    if ((int)n != node) continue;
                    ulong a = s > us ? s : us, b = e < ue ? e : ue;
                    if (b > a) mine->Add(a, b);
                }
                if (first)
                    for (int k = 0; k < uncovered->Count; k++) mine->Add(uncovered->Start(k), uncovered->End(k));
            }
            mine->AlignInward(PageSize);
            if (mine->Count == 0) return;    // a node without usable memory (CPUs only) gets no zone

            ulong start = mine->Start(0), end = mine->End(mine->Count - 1);
            ulong bytes = Zone.MetadataBytes(start, end);
            ulong metadata = 0;
            for (int i = 0; i < mine->Count && metadata == 0; i++) metadata = PhysicalMemory.Take(bytes, mine->Start(i), mine->End(i));
            if (metadata == 0) metadata = PhysicalMemory.Take(bytes, 0, ulong.MaxValue);
            if (metadata == 0) Panic.Message("memory: no room for a zone's metadata");
            mine->Remove(metadata, metadata + ((bytes + PageSize - 1) & ~(PageSize - 1)));

            Zone* z = Zone.Create((void*)metadata, s_zoneCount, node, start, end);
            for (int i = 0; i < mine->Count; i++)
            {
                z->Buddy.AddFree(mine->Start(i), mine->End(i));
                PhysicalMemory.Claim(mine->Start(i), mine->End(i));
            }
            fixed (ZoneTable* t = &s_zones) t->Zones[s_zoneCount] = (ulong)z;
            s_zoneCount++;
        }
    }
}
