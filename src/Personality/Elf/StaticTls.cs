namespace Nacre.Personality
{
    /// <summary>
    /// The static TLS of the loaded modules (every module's PT_TLS block, laid out once for all
    /// threads below the thread pointer, as glibc's dynamic linker lays out initial-exec TLS):
    /// module k's block starts at TP - Offset(k), aligned so that its address is congruent to its
    /// p_vaddr modulo its alignment. Modules are added before the first thread exists.
    /// </summary>
    public static unsafe class StaticTls
    {
        public const int MaxModules = 16;

        private struct Block { public ulong Image, FileSize, MemorySize, Offset; }
        private struct Blocks { public fixed byte Bytes[MaxModules * 32]; }

        private static Blocks s_blocks;
        private static int s_count;
        private static ulong s_size, s_align = 16;

        /// <summary>Bytes of TLS below the thread pointer (all blocks).</summary>
        public static ulong Size => s_size;

        /// <summary>The largest block alignment: thread pointers are aligned to it.</summary>
        public static ulong Align => s_align;

        /// <summary>
        /// Reserves a block for a module's PT_TLS (image = its initial data, already relocated
        /// when threads copy it). Returns the module's TLS id (1-based) and its offset below the
        /// thread pointer, or 0 when the table is full.
        /// </summary>
        public static int Add(ulong image, ulong fileSize, ulong memorySize, ulong align, ulong virtualAddress, out ulong offset)
        {
            offset = 0;
            if (s_count == MaxModules) return 0;
            if (align == 0) align = 1;
            ulong firstByte = (0 - virtualAddress) & (align - 1);
            offset = ((s_size + memorySize - firstByte + align - 1) & ~(align - 1)) + firstByte;
            s_size = offset;
            if (align > s_align) s_align = align;
            fixed (Blocks* b = &s_blocks)
                ((Block*)b)[s_count] = new Block { Image = image, FileSize = fileSize, MemorySize = memorySize, Offset = offset };
            return ++s_count;
        }

        /// <summary>The offset below the thread pointer of TLS module id's block.</summary>
        public static ulong OffsetOf(int id)
        {
            fixed (Blocks* b = &s_blocks) return ((Block*)b)[id - 1].Offset;
        }

        /// <summary>Copies every module's initial TLS image below tp and zeroes the rest of its block.</summary>
        public static void Initialize(ulong tp)
        {
            fixed (Blocks* b = &s_blocks)
                for (int i = 0; i < s_count; i++)
                {
                    Block* k = (Block*)b + i;
                    byte* dest = (byte*)(tp - k->Offset);
                    for (ulong j = 0; j < k->FileSize; j++) dest[j] = ((byte*)k->Image)[j];
                    for (ulong j = k->FileSize; j < k->MemorySize; j++) dest[j] = 0;
                }
        }
    }
}
