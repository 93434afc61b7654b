using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    public static unsafe class PagingTests
    {
        private static ulong s_data = 1;

        [Test]
        public static void LargePagesForTheIdentityMap()
        {
            Paging.CountPages(out ulong huge, out ulong large, out ulong small);
            System.Console.WriteLine($"1 GiB pages supported: {Paging.UsesHugePages}; mapped: {huge} x 1 GiB, {large} x 2 MiB, {small} x 4 KiB");
            ulong expected = Paging.UsesHugePages ? Paging.HugePageSize : Paging.LargePageSize;
            Assert.Equal(expected, Paging.PageSizeAt(0xC0000000UL), "3 GiB: the largest page size");
            Assert.Equal(Paging.LargePageSize, Paging.PageSizeAt(0x40000000UL - Paging.LargePageSize) >= Paging.LargePageSize ? Paging.LargePageSize : 0UL, "no 4 KiB pages where none are needed");
            if (Paging.UsesHugePages) Assert.True(huge >= 3, "1 GiB pages used");
            else Assert.Equal(0UL, huge);
            Assert.True(Paging.IdentityLimit >= 1UL << 32, "at least 4 GiB");
            Assert.True(Paging.IdentityLimit >= PhysicalMemory.TopOfMemory, "all RAM");
        }

        [Test]
        public static void LowFourGiBAndMmioMapped()
        {
            Assert.True(Paging.IsMapped(0xFEE00000UL), "LAPIC");
            Assert.True(Paging.IsMapped(0xFEC00000UL), "IOAPIC");
            Assert.True(Paging.IsMapped(0xFFFFF000UL), "top of 4 GiB");
            Assert.True(Paging.IsMapped(0x8000UL), "low memory (SMP trampoline)");
            Assert.True(Paging.IsMapped(PhysicalMemory.TopOfMemory - 1), "last byte of RAM");
        }

        [Test]
        public static void PageZeroAndBootStackGuardUnmapped()
        {
            Assert.False(Paging.IsMapped(0), "page 0");
            Assert.False(Paging.IsMapped(0xFFF), "all of page 0");
            Assert.True(Paging.IsMapped(0x1000), "page 1");
            Assert.False(Paging.IsMapped(Paging.BootStackGuard), "boot stack guard");
            Assert.True(Paging.IsMapped(Paging.BootStackGuard + Paging.PageSize), "boot stack");
        }

        [Test]
        public static void DataIsNoExecute()
        {
            Assert.True(Paging.NoExecuteActive, "QEMU's -cpu max has NX");
            ulong local = 5;
            void* heap = Heap.Alloc(32);
            fixed (ulong* d = &s_data)
            {
                Assert.False(Paging.IsExecutable((ulong)d), "static data");
                Assert.True(Paging.IsWritable((ulong)d), "static data is writable");
            }
            Assert.False(Paging.IsExecutable((ulong)&local), "the stack");
            Assert.False(Paging.IsExecutable((ulong)heap), "the heap");
            Assert.False(Paging.IsExecutable(0xFEE00000UL), "MMIO");
            Heap.Free(heap);
        }

        [Test]
        public static void CodeIsExecutable()
        {
            delegate*<void> test = &CodeIsExecutable;
            delegate*<void*, void> kernel = &Heap.Free;
            Assert.True(Paging.IsExecutable((ulong)test), "this test's code");
            Assert.True(Paging.IsExecutable((ulong)kernel), "the kernel's code");
            Assert.True(Paging.IsExecutable(PhysicalMemory.ImageStartAddress), "the image start (.boot)");
        }

        [Test]
        public static void UnmapAndMapOnePage()
        {
            ulong block = PageAllocator.Allocate(2);
            ulong page = block + Paging.PageSize;
            Paging.Unmap(page);
            Assert.False(Paging.IsMapped(page), "unmapped");
            Assert.True(Paging.IsMapped(block) && Paging.IsMapped(page + Paging.PageSize), "neighbours stay mapped");
            Assert.Equal(Paging.PageSize, Paging.PageSizeAt(block), "split down to 4 KiB");
            Paging.MapIdentity(page);
            Assert.True(Paging.IsMapped(page), "mapped again");
            Assert.False(Paging.IsExecutable(page), "no-execute by default");
            *(ulong*)page = 0x1234;
            Assert.Equal(0x1234UL, *(ulong*)page);
            PageAllocator.Free(block, 2);
        }

        [Test]
        public static void StacksHaveAnUnmappedGuardPage()
        {
            const nuint size = 16 * 1024;
            ulong freeBefore = PageAllocator.FreeBytes;
            ulong top = Stacks.Allocate(size);
            Assert.True(top != 0, "allocated");
            Assert.Equal(0UL, top & 15, "top aligned");
            ulong guard = Stacks.GuardPage(top, size);
            ulong bottom = Stacks.Bottom(top, size);
            Assert.True(top - bottom >= size, "at least the size asked for");
            Assert.False(Paging.IsMapped(guard), "guard page not present");
            Assert.False(Paging.IsMapped(guard + Paging.PageSize - 1), "all of it");
            Assert.True(Paging.IsMapped(guard - 1), "the page below is mapped");
            Assert.True(Paging.IsMapped(bottom), "the stack's lowest page is mapped");
            Assert.True(Paging.IsMapped(top - 1), "the stack's top is mapped");
            for (ulong a = bottom; a < top; a += 8) *(ulong*)a = a;
            for (ulong a = bottom; a < top; a += 8) Assert.True(*(ulong*)a == a, "stack memory works");
            Stacks.Free(top, size);
            Assert.True(Paging.IsMapped(guard), "the guard is mapped again once freed");
            // Splitting a large page for the guard takes page-table pages, which stay.
            Assert.True(freeBefore - PageAllocator.FreeBytes <= 2 * Paging.PageSize, "block returned");
        }
    }
}
