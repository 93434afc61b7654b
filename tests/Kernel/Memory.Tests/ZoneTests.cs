using Nacre.Acpi;
using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    /// <summary>Zones follow the firmware's SRAT: one per node with memory, or one for everything.
    /// Run with QEMU's -numa options (see docs/memory.md) to exercise two nodes.</summary>
    public static unsafe class ZoneTests
    {
        private static bool InSratRangeOf(ulong address, int node)
        {
            for (int i = 0; i < Srat.MemoryRangeCount; i++)
            {
                Srat.MemoryRange(i, out ulong start, out ulong end, out uint n);
                if ((int)n == node && address >= start && address < end) return true;
            }
            return false;
        }

        private const string NoSrat = "no SRAT on this machine (nacre test's numa run boots with two -numa nodes)";

        [Test]
        public static void OneZoneWithoutSrat()
        {
            if (Srat.Present) Assert.Skip("the firmware has an SRAT: ZonesMatchSrat checks the zones");
            Assert.Equal(1L, PageAllocator.ZoneCount, "no SRAT: one zone");
            Assert.Equal(0L, PageAllocator.GetZone(0)->Node);
        }

        [Test]
        public static void ZonesMatchSrat()
        {
            System.Console.WriteLine($"SRAT {(Srat.Present ? "present" : "absent")}, {Srat.MemoryRangeCount} memory range(s), {PageAllocator.ZoneCount} zone(s)");
            if (!Srat.Present) Assert.Skip(NoSrat);
            // Every node whose SRAT ranges hold at least 2 MiB of the kernel's usable memory has a zone.
            int expected = 0;
            for (int i = 0; i < Srat.MemoryRangeCount; i++)
            {
                Srat.MemoryRange(i, out _, out _, out uint node);
                bool seen = false;
                for (int j = 0; j < i; j++)
                {
                    Srat.MemoryRange(j, out _, out _, out uint other);
                    if (other == node) seen = true;
                }
                if (seen) continue;
                ulong bytes = 0;
                for (int j = 0; j < Srat.MemoryRangeCount; j++)
                {
                    Srat.MemoryRange(j, out ulong s, out ulong e, out uint n);
                    if (n != node) continue;
                    ulong lo = s < PhysicalMemory.LowMemoryEnd ? PhysicalMemory.LowMemoryEnd : s;
                    ulong hi = e > PhysicalMemory.TopOfMemory ? PhysicalMemory.TopOfMemory : e;
                    if (hi > lo) bytes += hi - lo;
                }
                if (bytes >= 2UL << 20)
                {
                    expected++;
                    Assert.True(PageAllocator.ZoneOfNode((int)node) != null, "a node with memory has a zone");
                }
            }
            Assert.Equal((long)expected, PageAllocator.ZoneCount, "one zone per node with memory");
            for (int z = 0; z < PageAllocator.ZoneCount; z++)
            {
                Zone* zone = PageAllocator.GetZone(z);
                Assert.True(InSratRangeOf(zone->Start, zone->Node), "a zone starts inside its node's memory");
            }
        }

        [Test]
        public static void AllocationsComeFromTheRequestedNode()
        {
            for (int z = 0; z < PageAllocator.ZoneCount; z++)
            {
                Zone* zone = PageAllocator.GetZone(z);
                for (int order = 0; order <= 4; order += 2)
                {
                    ulong block = PageAllocator.Allocate(order, zone->Node);
                    Assert.True(block != 0, "the node has memory");
                    Assert.True(block >= zone->Start && block + (PageAllocator.PageSize << order) <= zone->End, "inside the zone's range");
                    if (Srat.Present) Assert.True(InSratRangeOf(block, zone->Node), "inside the node's SRAT memory");
                    Assert.True(PageAllocator.ZoneOf(block) == zone, "freed into the same zone");
                    PageAllocator.Free(block, order);
                }
            }
            Assert.Equal(0UL, PageAllocator.Allocate(0, 12345), "a node that does not exist: 0");
        }

        [Test]
        public static void TwoNodesWhenSratSaysSo()
        {
            if (PageAllocator.ZoneCount < 2) Assert.Skip(Srat.Present ? "the SRAT describes one node with memory" : NoSrat);
            Zone* a = PageAllocator.GetZone(0), b = PageAllocator.GetZone(1);
            Assert.True(a->Node != b->Node, "distinct nodes");
            ulong onA = PageAllocator.Allocate(0, a->Node), onB = PageAllocator.Allocate(0, b->Node);
            Assert.True(PageAllocator.ZoneOf(onA) == a && PageAllocator.ZoneOf(onB) == b, "each from its own zone");
            PageAllocator.Free(onA, 0);
            PageAllocator.Free(onB, 0);
        }
    
        private static ulong* s_blockOfCpu;

        private static void AllocateHere(void* unused)
        {
            int cpu = Nacre.Cpus.Cpus.Current->Index;
            s_blockOfCpu[cpu] = PageAllocator.Allocate(0);
        }

        /// <summary>With several zones, an allocation without a node comes from the calling CPU's node (SRAT APIC → node).</summary>
        [Test]
        public static void AllocationPrefersTheCallingCpusNode()
        {
            if (PageAllocator.ZoneCount < 2) Assert.Skip(Srat.Present ? "the SRAT describes one node with memory" : NoSrat);
            int cpus = Nacre.Cpus.Cpus.Count;
            ulong* blocks = stackalloc ulong[cpus];
            s_blockOfCpu = blocks;
            int checkedCpus = 0;
            for (int cpu = 0; cpu < cpus; cpu++)
            {
                Nacre.Cpus.Cpus.RunOn(cpu, &AllocateHere, null);
                ulong block = blocks[cpu];
                Assert.True(block != 0, "memory is free");
                int node = Srat.NodeOfApic(Nacre.Cpus.Cpus.Get(cpu)->ApicId);
                if (node >= 0 && PageAllocator.ZoneOfNode(node) != null)
                {
                    Assert.Equal((long)node, PageAllocator.ZoneOf(block)->Node, $"CPU {cpu}'s page comes from its node");
                    checkedCpus++;
                }
                PageAllocator.Free(block, 0);
            }
            System.Console.WriteLine($"{checkedCpus} of {cpus} CPU(s) have a node with memory");
            if (checkedCpus == 0) Assert.Skip("no CPU's node has memory in the SRAT");
        }
}
}
