using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    /// <summary>The kernel's page allocator over all zones. No test allocates managed objects
    /// between its measurements (the heap would take pages and change the counts).</summary>
    public static unsafe class PageAllocatorTests
    {
        private const int MaxZones = PageAllocator.MaxZones;
        private const int Orders = Buddy.Orders;

        // Free blocks per (zone, order): after frees the buddy decomposition of a free set is
        // unique (no two free buddies), so full coalescing means exactly the same counts.
        private static void Snapshot(ulong* counts)
        {
            for (int z = 0; z < MaxZones; z++)
                for (int k = 0; k < Orders; k++)
                    counts[z * Orders + k] = z < PageAllocator.ZoneCount ? PageAllocator.GetZone(z)->Buddy.FreeBlocks(k) : 0;
        }

        private static void AssertSameAs(ulong* before)
        {
            ulong* now = stackalloc ulong[MaxZones * Orders];
            Snapshot(now);
            for (int i = 0; i < MaxZones * Orders; i++) Assert.Equal(before[i], now[i], "free blocks per zone and order");
        }

        private static int LargestFreeOrder()
        {
            int largest = -1;
            for (int z = 0; z < PageAllocator.ZoneCount; z++)
                for (int k = 0; k < Orders; k++)
                    if (PageAllocator.GetZone(z)->Buddy.FreeBlocks(k) != 0 && k > largest) largest = k;
            return largest;
        }

        [Test]
        public static void ManagesUsableMemory()
        {
            Assert.True(PageAllocator.ZoneCount >= 1, "at least one zone");
            Assert.True(PageAllocator.TotalBytes > 200UL << 20, "most of the 256 MiB guest");
            Assert.True(PageAllocator.FreeBytes <= PageAllocator.TotalBytes);
            Assert.True(PageAllocator.TotalBytes <= PhysicalMemory.UsableBytes);
        }

        [Test]
        public static void AllOrders()
        {
            ulong* before = stackalloc ulong[MaxZones * Orders];
            Snapshot(before);
            int largest = LargestFreeOrder();
            Assert.True(largest >= 10, "a 4 MiB block is free");
            for (int order = 0; order <= Buddy.MaxOrder; order++)
            {
                ulong bytes = PageAllocator.PageSize << order;
                ulong block = PageAllocator.Allocate(order);
                if (order > largest) { Assert.Equal(0UL, block, "no block this large: 0"); continue; }
                Assert.True(block != 0, "a block up to the largest free order");
                Assert.Equal(0UL, block & (bytes - 1), "aligned to its size");
                *(ulong*)block = 1;
                *(ulong*)(block + bytes - 8) = 2;
                Assert.True(*(ulong*)block == 1 && *(ulong*)(block + bytes - 8) == 2, "whole block writable");
                PageAllocator.Free(block, order);
            }
            Assert.Equal(0UL, PageAllocator.Allocate(Buddy.MaxOrder + 1), "beyond MaxOrder");
            Assert.Equal(0UL, PageAllocator.Allocate(-1), "negative order");
            AssertSameAs(before);
        }

        [Test]
        public static void RandomAllocFreeKeepsInvariants()
        {
            ulong* before = stackalloc ulong[MaxZones * Orders];
            Snapshot(before);
            ulong freeBefore = PageAllocator.FreeBytes;
            const int Slots = 128;
            ulong* blocks = stackalloc ulong[Slots];
            int* orders = stackalloc int[Slots];
            for (int i = 0; i < Slots; i++) blocks[i] = 0;
            var rng = new Rng(7);
            ulong held = 0;
            for (int step = 0; step < 4000; step++)
            {
                int i = rng.Below(Slots);
                if (blocks[i] != 0)
                {
                    Assert.True(BlockPattern.Check(blocks[i], PageAllocator.PageSize << orders[i]), "pattern intact (no overlap)");
                    PageAllocator.Free(blocks[i], orders[i]);
                    held -= PageAllocator.PageSize << orders[i];
                    blocks[i] = 0;
                    continue;
                }
                // Mostly small blocks, sometimes up to 4 MiB.
                int order = rng.Below(4) == 0 ? rng.Below(11) : rng.Below(3);
                ulong block = PageAllocator.Allocate(order);
                Assert.True(block != 0, "memory is plentiful here");
                Assert.Equal(0UL, block & ((PageAllocator.PageSize << order) - 1), "aligned");
                Assert.True(PageAllocator.ZoneOf(block) != null, "inside a zone");
                BlockPattern.Write(block, PageAllocator.PageSize << order);
                blocks[i] = block;
                orders[i] = order;
                held += PageAllocator.PageSize << order;
                Assert.Equal(freeBefore - held, PageAllocator.FreeBytes, "free bytes track what is held");
            }
            for (int i = 0; i < Slots; i++)
                if (blocks[i] != 0)
                {
                    Assert.True(BlockPattern.Check(blocks[i], PageAllocator.PageSize << orders[i]), "pattern intact at the end");
                    PageAllocator.Free(blocks[i], orders[i]);
                }
            Assert.Equal(freeBefore, PageAllocator.FreeBytes, "free memory back to its start value");
            AssertSameAs(before);
        }

        [Test]
        public static void ExhaustionReturnsZeroAndRecovers()
        {
            ulong* before = stackalloc ulong[MaxZones * Orders];
            Snapshot(before);
            ulong freeBefore = PageAllocator.FreeBytes;
            ulong imageStart = PhysicalMemory.ImageStartAddress, imageEnd = PhysicalMemory.ImageEndAddress;
            ulong count = 0, chain = 0;
            bool reservedHandedOut = false;
            for (ulong page; (page = PageAllocator.Allocate(0)) != 0; count++)
            {
                if (page < PhysicalMemory.LowMemoryEnd || (page < imageEnd && page + PageAllocator.PageSize > imageStart)) reservedHandedOut = true;
                *(ulong*)page = chain;
                chain = page;
            }
            Assert.Equal(freeBefore / PageAllocator.PageSize, count, "every free page, once");
            Assert.False(reservedHandedOut, "nothing below 1 MiB or inside the image");
            Assert.Equal(0UL, PageAllocator.FreeBytes);
            Assert.Equal(0UL, PageAllocator.Allocate(0), "out of memory is 0");
            Assert.Equal(0UL, PageAllocator.Allocate(3));
            Assert.True(Heap.Alloc(64 * 1024) == null, "a large heap allocation is null, not a panic");
            while (chain != 0)
            {
                ulong next = *(ulong*)chain;
                PageAllocator.Free(chain, 0);
                chain = next;
            }
            Assert.Equal(freeBefore, PageAllocator.FreeBytes, "all back");
            AssertSameAs(before);
            ulong again = PageAllocator.Allocate(8);
            Assert.True(again != 0, "allocates again after recovery");
            PageAllocator.Free(again, 8);
        }

        [Test]
        public static void OrderForRoundsUp()
        {
            Assert.Equal(0L, PageAllocator.OrderFor(1));
            Assert.Equal(0L, PageAllocator.OrderFor(4096));
            Assert.Equal(1L, PageAllocator.OrderFor(4097));
            Assert.Equal(9L, PageAllocator.OrderFor(2UL << 20));
            Assert.Equal(18L, PageAllocator.OrderFor(1UL << 30));
        }
    }
}
