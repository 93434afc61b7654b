using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    /// <summary>The buddy algorithm on a private 4 MiB arena, where every count is predictable.</summary>
    public static unsafe class BuddyTests
    {
        private const int ArenaOrder = 10;
        private const ulong ArenaBytes = PageAllocator.PageSize << ArenaOrder;

        private static Buddy s_buddy;
        private static ulong s_arena, s_metadata;
        private static int s_metadataOrder;

        // A fresh buddy over [arena + skipLow, arena + 4 MiB - skipHigh); returns it.
        private static Buddy* Fresh(ulong skipLow = 0, ulong skipHigh = 0)
        {
            if (s_arena == 0)
            {
                s_arena = PageAllocator.Allocate(ArenaOrder);
                s_metadataOrder = PageAllocator.OrderFor(Buddy.MetadataBytes(s_arena, s_arena + ArenaBytes));
                s_metadata = PageAllocator.Allocate(s_metadataOrder);
                Assert.True(s_arena != 0 && s_metadata != 0, "arena");
            }
            fixed (Buddy* b = &s_buddy)
            {
                b->Initialize(s_arena, s_arena + ArenaBytes, (void*)s_metadata);
                b->AddFree(s_arena + skipLow, s_arena + ArenaBytes - skipHigh);
                return b;
            }
        }

        [Test]
        public static void WholeArenaIsOneBlock()
        {
            Buddy* b = Fresh();
            Assert.Equal(1UL, b->FreeBlocks(ArenaOrder));
            Assert.Equal(1024UL, b->FreePages);
            for (int k = 0; k < ArenaOrder; k++) Assert.Equal(0UL, b->FreeBlocks(k), "smaller orders");
        }

        [Test]
        public static void SplitLeavesOneBlockPerOrderAndCoalescesBack()
        {
            Buddy* b = Fresh();
            ulong page = b->Allocate(0);
            Assert.Equal(s_arena, page, "lowest page first");
            for (int k = 0; k < ArenaOrder; k++) Assert.Equal(1UL, b->FreeBlocks(k), "one upper half per order");
            Assert.Equal(0UL, b->FreeBlocks(ArenaOrder));
            Assert.Equal(1023UL, b->FreePages);
            b->Free(page, 0);
            Assert.Equal(1UL, b->FreeBlocks(ArenaOrder), "merged back");
            for (int k = 0; k < ArenaOrder; k++) Assert.Equal(0UL, b->FreeBlocks(k), "nothing left split");
        }

        [Test]
        public static void EveryOrderAlignedUpToArena()
        {
            Buddy* b = Fresh();
            for (int order = 0; order <= ArenaOrder; order++)
            {
                ulong block = b->Allocate(order);
                Assert.True(block != 0, "block of this order");
                Assert.Equal(0UL, block & ((PageAllocator.PageSize << order) - 1), "aligned to its size");
                BlockPattern.Write(block, PageAllocator.PageSize << order);
                Assert.True(BlockPattern.Check(block, PageAllocator.PageSize << order));
                b->Free(block, order);
                Assert.Equal(1UL, b->FreeBlocks(ArenaOrder));
            }
            Assert.Equal(0UL, b->Allocate(ArenaOrder + 1), "larger than the arena");
            Assert.Equal(0UL, b->Allocate(Buddy.MaxOrder + 1), "beyond MaxOrder");
        }

        [Test]
        public static void ExhaustAndRecover()
        {
            Buddy* b = Fresh();
            ulong count = 0;
            ulong previous = 0;
            for (ulong page; (page = b->Allocate(0)) != 0; count++)
            {
                *(ulong*)page = previous;   // chain the pages through themselves
                previous = page;
            }
            Assert.Equal(1024UL, count, "every page once");
            Assert.Equal(0UL, b->FreePages);
            Assert.Equal(0UL, b->Allocate(0), "exhausted");
            while (previous != 0)
            {
                ulong next = *(ulong*)previous;
                b->Free(previous, 0);
                previous = next;
            }
            Assert.Equal(1UL, b->FreeBlocks(ArenaOrder), "all coalesced");
            Assert.True(b->Allocate(ArenaOrder) == s_arena, "whole arena again");
        }

        [Test]
        public static void UnalignedRangeDecomposes()
        {
            // One page missing at each end: no 4 MiB or 2 MiB block can be whole.
            Buddy* b = Fresh(PageAllocator.PageSize, PageAllocator.PageSize);
            Assert.Equal(1022UL, b->FreePages);
            Assert.Equal(0UL, b->Allocate(ArenaOrder), "no whole 4 MiB");
            Assert.Equal(0UL, b->Allocate(ArenaOrder - 1), "no whole 2 MiB");
            ulong block = b->Allocate(ArenaOrder - 2);
            Assert.True(block != 0, "1 MiB blocks exist");
            Assert.True(block >= s_arena + PageAllocator.PageSize && block + (PageAllocator.PageSize << (ArenaOrder - 2)) <= s_arena + ArenaBytes - PageAllocator.PageSize, "inside the range");
            b->Free(block, ArenaOrder - 2);
            Assert.Equal(1022UL, b->FreePages);
        }

        [Test]
        public static void RandomSequencesReturnToStart()
        {
            Buddy* b = Fresh();
            ulong* blocks = stackalloc ulong[64];
            int* orders = stackalloc int[64];
            for (int i = 0; i < 64; i++) blocks[i] = 0;
            var rng = new Rng(42);
            for (int step = 0; step < 3000; step++)
            {
                int i = rng.Below(64);
                if (blocks[i] != 0)
                {
                    Assert.True(BlockPattern.Check(blocks[i], PageAllocator.PageSize << orders[i]), "pattern intact (no overlap)");
                    b->Free(blocks[i], orders[i]);
                    blocks[i] = 0;
                    continue;
                }
                int order = rng.Below(7);
                ulong block = b->Allocate(order);
                if (block == 0) continue;
                Assert.Equal(0UL, block & ((PageAllocator.PageSize << order) - 1), "aligned");
                Assert.True(block >= s_arena && block + (PageAllocator.PageSize << order) <= s_arena + ArenaBytes, "inside the arena");
                BlockPattern.Write(block, PageAllocator.PageSize << order);
                blocks[i] = block;
                orders[i] = order;
            }
            ulong used = 0;
            for (int i = 0; i < 64; i++) if (blocks[i] != 0) used += 1UL << orders[i];
            Assert.Equal(1024UL - used, b->FreePages, "free count matches what is held");
            for (int i = 0; i < 64; i++)
                if (blocks[i] != 0)
                {
                    Assert.True(BlockPattern.Check(blocks[i], PageAllocator.PageSize << orders[i]), "pattern intact at the end");
                    b->Free(blocks[i], orders[i]);
                }
            Assert.Equal(1UL, b->FreeBlocks(ArenaOrder), "all coalesced");
        }

        [Test]
        public static void ZZ_ReleaseArena()
        {
            if (s_arena == 0) return;
            PageAllocator.Free(s_arena, ArenaOrder);
            PageAllocator.Free(s_metadata, s_metadataOrder);
            s_arena = s_metadata = 0;
        }
    }
}
