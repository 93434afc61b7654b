using System;
using Nacre.Arch.X64;
using Nacre.Diagnostics;
using Nacre.Acpi;
using Nacre.Devices;

namespace Nacre.Memory
{
    /// <summary>
    /// Brings up memory management after the boot heap, in an order each step depends on:
    ///   1. close the boot heap (what it handed out stays reserved);
    ///   2. PhysicalMemory: usable RAM from the loader's map minus everything reserved;
    ///   3. Srat: NUMA nodes, if the firmware describes them;
    ///   4. Paging: the kernel's own identity map over all memory, switched to. This comes before
    ///      the buddy because the buddy keeps its free lists inside free pages, and memory above
    ///      4 GiB is not reachable through boot.S's map; its tables come from low PhysicalMemory;
    ///   5. PageAllocator: one zone (buddy) per node, owning all remaining usable memory;
    ///   6. Heap: size-class slabs; from here on `new` allocates from it.
    /// Runs before module initialisation: no `new`, no reference-type statics.
    /// </summary>
    public static unsafe class MemorySystem
    {
        public static void Initialize()
        {
            BootHeap.Close(out ulong bootHeapStart, out ulong bootHeapEnd);
            PhysicalMemory.Initialize(bootHeapStart, bootHeapEnd);
            Srat.Parse();
            Paging.Initialize();
            MapArena();
            PageAllocator.Initialize();
            Heap.Initialize();
        }

        // The HVM's arena: the host's memory, at the host's virtual address (docs/hvm.md). It is
        // not the kernel's to allocate; it only has to be reachable.
        private static void MapArena()
        {
            if (!Platform.IsHvm || Boot.HvmBootInfo.ArenaBytes == 0) return;
            ulong va = Boot.HvmBootInfo.ArenaVirtual, bytes = Boot.HvmBootInfo.ArenaBytes;
            const ulong Mask = Paging.LargePageSize - 1;
            if (((va | Boot.HvmBootInfo.ArenaPhysical | bytes) & Mask) != 0)
                Panic.Message("HVM arena is not 2 MiB aligned");
            if (va < Paging.IdentityLimit) Panic.Message("HVM arena overlaps the kernel's identity map");
            Paging.MapLarge(va, Boot.HvmBootInfo.ArenaPhysical, bytes);
        }

        /// <summary>Prints zones, free blocks by order, heap and paging statistics (the shell's `mem`).</summary>
        public static void Describe()
        {
            Console.WriteLine($"memory: {PageAllocator.ZoneCount} zone(s), {PageAllocator.TotalBytes >> 20} MiB managed, {PageAllocator.FreeBytes >> 20} MiB free, NUMA {(Srat.Present ? "from SRAT" : "none (one zone)")}");
            for (int i = 0; i < PageAllocator.ZoneCount; i++)
            {
                Zone* z = PageAllocator.GetZone(i);
                Console.WriteLine($"  zone {i} node {z->Node} [0x{z->Start:x}, 0x{z->End:x}) {z->TotalBytes >> 10} KiB, {z->FreeBytes >> 10} KiB free");
                Console.Write("    free blocks by order:");
                for (int k = 0; k <= Buddy.MaxOrder; k++)
                    if (z->Buddy.FreeBlocks(k) != 0) Console.Write($" {k}:{z->Buddy.FreeBlocks(k)}");
                Console.WriteLine();
            }
            Console.WriteLine($"  heap: {Heap.BytesInUse} bytes in use, {Heap.SlabBytes >> 10} KiB in slabs");
            Paging.CountPages(out ulong huge, out ulong large, out ulong small);
            Console.WriteLine($"  paging: identity map to 0x{Paging.IdentityLimit:x}, {huge} x 1 GiB, {large} x 2 MiB, {small} x 4 KiB pages, NX {(Paging.NoExecuteActive ? "on" : "unsupported")}");
        }
    }
}
