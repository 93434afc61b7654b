namespace Nacre.Acpi
{
    /// <summary>
    /// The System Resource Affinity Table: which NUMA node (ACPI "proximity domain") each range of
    /// memory and each CPU belongs to. Parsed once into fixed storage (this runs before the heap
    /// exists). Only enabled entries are kept. Without an SRAT the machine is one node, 0.
    /// </summary>
    public static unsafe class Srat
    {
        public const int MaxMemoryRanges = 64;
        public const int MaxApicIds = 256;

        private const int EntriesOffset = 48;           // header (36) + reserved (4 + 8)
        private const byte ProcessorLocalApic = 0, MemoryAffinity = 1, ProcessorX2Apic = 2;

        private struct Ranges
        {
            public fixed ulong Base[MaxMemoryRanges];
            public fixed ulong Length[MaxMemoryRanges];
            public fixed uint Node[MaxMemoryRanges];
        }

        private struct ApicNodes { public fixed int Node[MaxApicIds]; }

        private static Ranges s_ranges;
        private static ApicNodes s_apicNodes;
        private static int s_rangeCount;
        private static bool s_present;

        /// <summary>True when the firmware has an SRAT (with at least one enabled memory range).</summary>
        public static bool Present => s_present;

        public static int MemoryRangeCount => s_rangeCount;

        public static void MemoryRange(int i, out ulong start, out ulong end, out uint node)
        {
            fixed (Ranges* r = &s_ranges)
            {
                start = r->Base[i];
                end = r->Base[i] + r->Length[i];
                node = r->Node[i];
            }
        }

        /// <summary>The node of the CPU with this APIC id, or -1 when the SRAT does not say.</summary>
        public static int NodeOfApic(uint apicId)
        {
            if (apicId >= MaxApicIds) return -1;
            fixed (ApicNodes* a = &s_apicNodes) return a->Node[apicId];
        }

        /// <summary>Reads the SRAT if there is one. Safe to call again (re-reads).</summary>
        public static void Parse()
        {
            s_rangeCount = 0;
            s_present = false;
            fixed (ApicNodes* a = &s_apicNodes)
                for (int i = 0; i < MaxApicIds; i++) a->Node[i] = -1;

            SdtHeader* table = AcpiTables.Find("SRAT");
            if (table == null) return;
            byte* p = (byte*)table + EntriesOffset;
            byte* end = (byte*)table + table->Length;
            while (p + 2 <= end)
            {
                byte type = p[0], length = p[1];
                if (length < 2 || p + length > end) break;
                if (type == MemoryAffinity && length >= 40) AddMemory(p);
                else if (type == ProcessorLocalApic && length >= 16) AddApic(p[3], p[2] | (uint)p[9] << 8 | (uint)p[10] << 16 | (uint)p[11] << 24, *(uint*)(p + 4));
                else if (type == ProcessorX2Apic && length >= 24) AddApic(*(uint*)(p + 8), *(uint*)(p + 4), *(uint*)(p + 12));
                p += length;
            }
            s_present = s_rangeCount > 0;
        }

        // Memory affinity: domain at 2, base at 8, length at 16, flags at 28 (bit 0: enabled).
        private static void AddMemory(byte* e)
        {
            if ((*(uint*)(e + 28) & 1) == 0 || s_rangeCount == MaxMemoryRanges) return;
            ulong length = *(ulong*)(e + 16);
            if (length == 0) return;
            fixed (Ranges* r = &s_ranges)
            {
                r->Base[s_rangeCount] = *(ulong*)(e + 8);
                r->Length[s_rangeCount] = length;
                r->Node[s_rangeCount] = *(uint*)(e + 2);
            }
            s_rangeCount++;
        }

        private static void AddApic(uint apicId, uint domain, uint flags)
        {
            if ((flags & 1) == 0 || apicId >= MaxApicIds) return;
            fixed (ApicNodes* a = &s_apicNodes) a->Node[apicId] = (int)domain;
        }
    }
}
