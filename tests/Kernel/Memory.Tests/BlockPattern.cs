using Nacre.Memory;

namespace Memory.Tests
{
    /// <summary>
    /// Marks a block with a pattern derived from its address (first word of every page and the
    /// last word), so that two blocks handed out overlapping would corrupt each other's marks.
    /// </summary>
    internal static unsafe class BlockPattern
    {
        private const ulong Salt = 0xA5A5_5A5A_0F0F_F0F0UL;

        public static void Write(ulong block, ulong bytes)
        {
            for (ulong off = 0; off < bytes; off += PageAllocator.PageSize) *(ulong*)(block + off) = (block + off) ^ Salt;
            *(ulong*)(block + bytes - 8) = ~block;
        }

        public static bool Check(ulong block, ulong bytes)
        {
            for (ulong off = 0; off < bytes; off += PageAllocator.PageSize)
                if (*(ulong*)(block + off) != ((block + off) ^ Salt)) return false;
            return *(ulong*)(block + bytes - 8) == ~block;
        }
    }
}
