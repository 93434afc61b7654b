using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Boot;

namespace Nacre.Memory
{
    /// <summary>
    /// The RAM the kernel may hand out: the loader's available regions, in whole pages, minus
    /// everything already spoken for — the first MiB (BIOS data, and the SMP trampoline will live
    /// there), the kernel image with its .bss, the loader's info block and modules, and what the
    /// boot heap handed out. Any region the map marks as not available wins over an overlapping
    /// available one. Early boot code takes pages from here (page tables, zone metadata) before
    /// the buddy allocators own the rest.
    /// </summary>
    public static unsafe class PhysicalMemory
    {
        public const ulong PageSize = 4096;
        public const ulong LowMemoryEnd = 0x100000;

        private static RangeList s_usable;
        private static ulong s_top;
        private static ulong s_totalUsable;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_image_start")]
        private static extern byte* ImageStart();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_image_end")]
        private static extern byte* ImageEnd();

        public static ulong ImageStartAddress => (ulong)ImageStart();
        public static ulong ImageEndAddress => (ulong)ImageEnd();

        /// <summary>Builds the map. [bootHeapStart, bootHeapEnd) is what the boot heap handed out.</summary>
        public static void Initialize(ulong bootHeapStart, ulong bootHeapEnd)
        {
            s_usable.Clear();
            s_top = 0;
            for (int i = 0; i < BootInfo.RegionCount; i++)
            {
                MemoryRegion r = BootInfo.Region(i);
                // RAM of any kind counts, reserved ranges do not: firmware may reserve address space
                // far above RAM (QEMU: 1012 GiB..1 TiB), which would only cost page tables.
                if (r.Type != MemoryRegionType.Reserved && r.Type != MemoryRegionType.BadMemory && r.End > s_top) s_top = r.End;
                if (r.Type == MemoryRegionType.Available) s_usable.Add(r.Base, r.End);
            }
            for (int i = 0; i < BootInfo.RegionCount; i++)
            {
                MemoryRegion r = BootInfo.Region(i);
                if (r.Type != MemoryRegionType.Available) s_usable.Remove(r.Base, r.End);
            }
            s_usable.Remove(0, LowMemoryEnd);
            s_usable.Remove(ImageStartAddress, ImageEndAddress);
            for (int i = 0; i < BootInfo.LoaderRangeCount; i++)
            {
                BootInfo.LoaderRange(i, out ulong start, out ulong end);
                s_usable.Remove(start, end);
            }
            s_usable.Remove(bootHeapStart, bootHeapEnd);
            s_usable.AlignInward(PageSize);
            s_totalUsable = s_usable.TotalBytes;
        }

        /// <summary>Usable RAM when the map was built (before early boot took pages from it).</summary>
        public static ulong UsableBytes => s_totalUsable;

        /// <summary>End of the highest RAM region (available or ACPI) in the loader's map.</summary>
        public static ulong TopOfMemory => s_top;

        /// <summary>Ranges not yet taken, sorted, page-aligned.</summary>
        public static int RangeCount => s_usable.Count;
        public static ulong RangeStart(int i) => s_usable.Start(i);
        public static ulong RangeEnd(int i) => s_usable.End(i);

        /// <summary>Marks [start, end) as owned by an allocator from now on (no longer takeable).</summary>
        public static void Claim(ulong start, ulong end) => s_usable.Remove(start, end);

        /// <summary>
        /// Takes bytes (rounded up to pages) from the lowest usable range inside [low, high) that has
        /// room; returns its address (not zeroed), or 0 when nothing fits. The pages are never
        /// given back: this is for boot-time structures that live forever.
        /// </summary>
        public static ulong Take(ulong bytes, ulong low, ulong high)
        {
            bytes = (bytes + PageSize - 1) & ~(PageSize - 1);
            for (int i = 0; i < s_usable.Count; i++)
            {
                ulong s = s_usable.Start(i) < low ? low : s_usable.Start(i);
                ulong e = s_usable.End(i) > high ? high : s_usable.End(i);
                if (e > s && e - s >= bytes)
                {
                    s_usable.Remove(s, s + bytes);
                    return s;
                }
            }
            return 0;
        }
    }
}
