using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    public static unsafe class HeapTests
    {
        private static bool IsZero(byte* p, ulong bytes)
        {
            for (ulong i = 0; i < bytes; i++) if (p[i] != 0) return false;
            return true;
        }

        [Test]
        public static void SizeClassesCoverSixteenBytesToTwoKiB()
        {
            Assert.Equal(16L, Heap.SizeClassBytes(0));
            Assert.Equal(2048L, Heap.SizeClassBytes(Heap.SizeClassCount - 1));
            for (int c = 1; c < Heap.SizeClassCount; c++)
            {
                Assert.True(Heap.SizeClassBytes(c) > Heap.SizeClassBytes(c - 1), "increasing");
                Assert.Equal(0L, Heap.SizeClassBytes(c) % 16, "multiples of 16 keep objects aligned");
                Assert.True(Heap.SizeClassBytes(c) * 4 <= Heap.SizeClassBytes(c - 1) * 5 + 16 * 4, "at most 25% apart");
            }
        }

        [Test]
        public static void EverySmallSizeGetsTheSmallestFittingClass()
        {
            for (int size = 0; size <= Heap.MaxSmallSize; size += size < 256 ? 1 : 7)
            {
                byte* p = (byte*)Heap.Alloc((nuint)size);
                Assert.True(p != null, "allocated");
                Assert.Equal(0UL, (ulong)p & 15, "16-byte aligned");
                ulong usable = Heap.SizeOf(p);
                int c = Heap.ClassOf(size);
                Assert.Equal((ulong)Heap.SizeClassBytes(c), usable, "its class's size");
                Assert.True(usable >= (ulong)size && (c == 0 || Heap.SizeClassBytes(c - 1) < size), "smallest class that fits");
                Assert.True(IsZero(p, usable), "zeroed");
                for (ulong i = 0; i < usable; i++) p[i] = 0xEE;
                Heap.Free(p);
            }
        }

        [Test]
        public static void ReusedMemoryIsZeroedAgain()
        {
            byte* p = (byte*)Heap.Alloc(100);
            for (int i = 0; i < 100; i++) p[i] = 0xFF;
            Heap.Free(p);
            byte* q = (byte*)Heap.Alloc(100);
            Assert.True(q == p, "the freed object comes back first");
            Assert.True(IsZero(q, 100), "zeroed on reuse");
            Heap.Free(q);
            Heap.Free(null);
        }

        [Test]
        public static void LargeAllocationsComeFromTheBuddy()
        {
            ulong freeBefore = PageAllocator.FreeBytes;
            byte* p = (byte*)Heap.Alloc(1 << 20);
            Assert.True(p != null, "1 MiB");
            Assert.Equal(0UL, (ulong)p & 4095, "page aligned");
            Assert.Equal(1UL << 20, (ulong)Heap.SizeOf(p));
            Assert.Equal(freeBefore - (1UL << 20), PageAllocator.FreeBytes, "exactly one 1 MiB block");
            for (ulong i = 0; i < 1UL << 20; i += 4096) Assert.True(p[i] == 0 && p[i + 4095] == 0, "zeroed");
            p[(1 << 20) - 1] = 1;
            Heap.Free(p);
            Assert.Equal(freeBefore, PageAllocator.FreeBytes, "given back");

            byte* q = (byte*)Heap.Alloc(Heap.MaxSmallSize + 1);
            Assert.Equal(4096UL, (ulong)Heap.SizeOf(q), "just over 2 KiB takes a page");
            Heap.Free(q);
            Assert.True(Heap.Alloc((nuint)(1UL << 40)) == null, "1 TiB: null, not a panic");
        }

        [Test]
        public static void RandomStressKeepsInvariants()
        {
            ulong inUseBefore = Heap.BytesInUse;
            const int Slots = 512;
            byte** ptrs = (byte**)Heap.Alloc(Slots * 8);
            ulong* sizes = (ulong*)Heap.Alloc(Slots * 8);
            ulong inUseStart = Heap.BytesInUse;
            var rng = new Rng(1234);
            for (int step = 0; step < 20000; step++)
            {
                int i = rng.Below(Slots);
                if (ptrs[i] != null)
                {
                    byte mark = (byte)i;
                    for (ulong k = 0; k < sizes[i]; k++)
                        if (ptrs[i][k] != mark) { Assert.True(false, "object corrupted (overlap)"); }
                    Heap.Free(ptrs[i]);
                    ptrs[i] = null;
                    continue;
                }
                ulong size = rng.Below(16) == 0 ? (ulong)rng.Below(40000) + 1 : (ulong)rng.Below(2100);
                byte* p = (byte*)Heap.Alloc((nuint)size);
                Assert.True(p != null, "allocated");
                Assert.Equal(0UL, (ulong)p & 15, "aligned");
                Assert.True(Heap.SizeOf(p) >= size, "big enough");
                Assert.True(IsZero(p, size), "zeroed");
                for (ulong k = 0; k < size; k++) p[k] = (byte)i;
                ptrs[i] = p;
                sizes[i] = size;
            }
            for (int i = 0; i < Slots; i++)
                if (ptrs[i] != null) Heap.Free(ptrs[i]);
            Assert.Equal(inUseStart, Heap.BytesInUse, "everything freed");
            Heap.Free(ptrs);
            Heap.Free(sizes);
            Assert.Equal(inUseBefore, Heap.BytesInUse, "back to the start");
        }

        [Test]
        public static void EmptySlabsGoBackToTheBuddy()
        {
            int c = Heap.ClassOf(512);
            ulong slabsBefore = Heap.SlabsOf(c);
            void** ptrs = (void**)Heap.Alloc(4096);
            for (int i = 0; i < 400; i++) ptrs[i] = Heap.Alloc(512);
            Assert.True(Heap.SlabsOf(c) >= slabsBefore + 400 / 62, "several slabs");
            for (int i = 0; i < 400; i++) Heap.Free(ptrs[i]);
            Heap.Drain();   // the frees went to this CPU's magazines and the depot first
            Assert.True(Heap.SlabsOf(c) <= slabsBefore + 1, "empty slabs returned, at most one kept");
            Heap.Free(ptrs);
        }

        [Test]
        public static void NewUsesTheKernelHeap()
        {
            byte[] small = new byte[100];
            byte[] large = new byte[100000];
            fixed (byte* s = small) fixed (byte* l = large)
            {
                Assert.True(Heap.SizeOf(s) >= 100, "a small array lives in a slab");
                Assert.True(Heap.SizeOf(l) >= 100000, "a large array lives in a buddy block");
                Assert.True(PageAllocator.ZoneOf((ulong)s) != null, "inside a zone");
            }
            Assert.Equal(0L, small[99] + large[99999], "zeroed");
        }
    }
}
