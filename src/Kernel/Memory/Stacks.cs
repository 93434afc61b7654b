namespace Nacre.Memory
{
    /// <summary>
    /// Thread stacks with a guard page: one buddy block whose lowest page is unmapped, so running
    /// off the bottom of the stack faults instead of silently corrupting the memory below.
    /// The usable stack is the rest of the block (at least the size asked for: the block is the
    /// next power of two of size + one page). Not zeroed. The guard is unmapped on every CPU
    /// before Allocate returns (Paging.Unmap shoots down the old translation).
    /// </summary>
    public static unsafe class Stacks
    {
        /// <summary>The top of a new stack (its highest address + 1, 16-byte aligned), or 0 when out of memory.</summary>
        public static ulong Allocate(nuint size, int node = -1)
        {
            int order = OrderFor(size);
            ulong block = PageAllocator.Allocate(order, node);
            if (block == 0) return 0;
            Paging.Unmap(block);
            return block + (Buddy.PageSize << order);
        }

        /// <summary>Returns a stack from Allocate (same size): maps its guard page again, frees the block.</summary>
        public static void Free(ulong top, nuint size)
        {
            int order = OrderFor(size);
            ulong block = top - (Buddy.PageSize << order);
            Paging.MapIdentity(block);
            PageAllocator.Free(block, order);
        }

        /// <summary>The guard page of the stack Allocate(size) returned top for.</summary>
        public static ulong GuardPage(ulong top, nuint size) => top - (Buddy.PageSize << OrderFor(size));

        /// <summary>The lowest usable address of that stack (just above the guard page).</summary>
        public static ulong Bottom(ulong top, nuint size) => GuardPage(top, size) + Buddy.PageSize;

        private static int OrderFor(nuint size)
        {
            ulong bytes = (((ulong)size + Buddy.PageSize - 1) & ~(Buddy.PageSize - 1)) + Buddy.PageSize;
            return PageAllocator.OrderFor(bytes);
        }
    }
}
