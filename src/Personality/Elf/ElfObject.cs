namespace Nacre.Personality.Elf
{
    /// <summary>
    /// One loaded ELF object (the program or a shared library): where it is mapped and what its
    /// dynamic section says. Addresses in the dynamic section are link-time; Bias turns them into
    /// run-time addresses. Built by Loader; read by the personality (dl_iterate_phdr, dladdr).
    /// </summary>
    public sealed unsafe class ElfObject
    {
        public string Name;                 // the module name (its DT_NEEDED spelling for libraries)
        public byte* NameC;                 // the same, NUL-terminated, for dl_iterate_phdr and dladdr
        public byte* File;                  // the file's bytes (a boot module), kept for its headers
        public ulong Bias;                  // run-time address = link-time address + Bias
        public ulong MapStart, MapEnd;      // the address range its segments occupy
        public ProgramHeader* ProgramHeaders;   // in mapped memory (PT_PHDR) or a heap copy
        public int ProgramHeaderCount;
        public ulong Entry;                 // run-time entry point (0 for a library)
        public bool IsExecutable;           // has an entry point and PT_INTERP: run through __libc_start_main

        public DynamicEntry* Dynamic;
        public byte* StringTable;
        public ElfSymbol* Symbols;
        public uint SymbolCount;
        public uint* GnuHash;
        public uint* SysvHash;
        public ushort* VersionSymbols;
        public byte* VersionDefinitions;
        public int VersionDefinitionCount;
        public byte* VersionNeeds;
        public int VersionNeedCount;

        public Rela* Relocations;
        public ulong RelocationBytes;
        public Rela* PltRelocations;
        public ulong PltRelocationBytes;
        public ulong* RelativeRelocations;  // DT_RELR
        public ulong RelativeRelocationBytes;

        public ulong Init, Fini;
        public ulong* InitArray, FiniArray, PreinitArray;
        public int InitArrayCount, FiniArrayCount, PreinitArrayCount;
        public string[] Needed = new string[0];

        public int TlsModuleId;             // 0: no PT_TLS
        public ulong TlsOffset;             // its block's distance below the thread pointer
        public ulong EhFrameHeader;         // run-time address of PT_GNU_EH_FRAME, or 0
        public ulong RelroStart, RelroEnd;  // made read-only after relocation

        public bool Contains(ulong address) => address >= MapStart && address < MapEnd;

        /// <summary>Whether [address, address + bytes) lies within the object's segments (no wrap-around).</summary>
        public bool Inside(void* address, ulong bytes)
        {
            ulong a = (ulong)address;
            return a >= MapStart && a <= MapEnd && bytes <= MapEnd - a;
        }

        public ulong StringTableBytes;      // DT_STRSZ
        public ulong DynamicBytes;          // PT_DYNAMIC's size

        public byte* SymbolName(ElfSymbol* symbol) => StringTable + symbol->Name;

        /// <summary>
        /// This object's definition of name (exported: global or weak, defined), in the version
        /// whose name is version — or, when version is null, the default version (not hidden).
        /// Null when it has none.
        /// </summary>
        public ElfSymbol* FindDefinition(byte* name, byte* version)
        {
            if (GnuHash != null) return FindGnu(name, version);
            if (SysvHash != null) return FindSysv(name, version);
            for (uint i = 1; i < SymbolCount; i++)
                if (Matches(i, name, version)) return Symbols + i;
            return null;
        }

        private ElfSymbol* FindGnu(byte* name, byte* version)
        {
            uint h = 5381;
            for (byte* p = name; *p != 0; p++) h = h * 33 + *p;
            uint buckets = GnuHash[0], symbolOffset = GnuHash[1], bloomSize = GnuHash[2], bloomShift = GnuHash[3];
            ulong* bloom = (ulong*)(GnuHash + 4);
            ulong word = bloom[(h / 64) % bloomSize];
            ulong mask = (1UL << (int)(h % 64)) | (1UL << (int)((h >> (int)bloomShift) % 64));
            if ((word & mask) != mask) return null;
            uint* bucket = (uint*)(bloom + bloomSize);
            uint* chain = bucket + buckets;
            uint i = bucket[h % buckets];
            if (i < symbolOffset) return null;
            while (true)
            {
                uint chained = chain[i - symbolOffset];
                if ((chained | 1) == (h | 1) && Matches(i, name, version)) return Symbols + i;
                if ((chained & 1) != 0) return null;
                i++;
            }
        }

        private ElfSymbol* FindSysv(byte* name, byte* version)
        {
            uint h = 0;
            for (byte* p = name; *p != 0; p++)
            {
                h = (h << 4) + *p;
                uint g = h & 0xF0000000;
                if (g != 0) h ^= g >> 24;
                h &= ~g;
            }
            uint buckets = SysvHash[0];
            uint* bucket = SysvHash + 2;
            uint* chain = bucket + buckets;
            for (uint i = bucket[h % buckets]; i != 0; i = chain[i])
                if (Matches(i, name, version)) return Symbols + i;
            return null;
        }

        private bool Matches(uint index, byte* name, byte* version)
        {
            ElfSymbol* s = Symbols + index;
            if (s->SectionIndex == Elf.ShnUndefined) return false;
            int binding = s->Binding;
            if (binding != Elf.StbGlobal && binding != Elf.StbWeak && binding != Elf.StbGnuUnique) return false;
            if (!CString.Equals(StringTable + s->Name, name)) return false;
            if (VersionSymbols == null) return true;
            ushort v = VersionSymbols[index];
            if (version == null) return (v & Elf.VersymHidden) == 0;
            // A hidden (non-default) version is found only when asked for by name.
            byte* defined = VersionDefinitionName((ushort)(v & ~Elf.VersymHidden));
            // A symbol without a version definition (index 1 = global) satisfies any version.
            return defined == null || CString.Equals(defined, version);
        }

        /// <summary>The name of version definition index (Verdef vd_ndx), or null (none / the base).</summary>
        public byte* VersionDefinitionName(ushort index)
        {
            if (index <= 1 || VersionDefinitions == null) return null;
            byte* d = VersionDefinitions;
            for (int k = 0; k < VersionDefinitionCount && Inside(d, 20); k++)
            {
                ushort ndx = *(ushort*)(d + 4);
                uint aux = *(uint*)(d + 12), next = *(uint*)(d + 16);
                if (ndx == index) return Inside(d + aux, 8) && *(uint*)(d + aux) < StringTableBytes ? StringTable + *(uint*)(d + aux) : null;
                if (next == 0) break;
                d += next;
            }
            return null;
        }

        /// <summary>
        /// The version a reference to symbol index asks for: an import's Vernaux name, or — for a
        /// symbol the object defines itself (a compatibility version such as libm's
        /// _LIB_VERSION@GLIBC_2.2.5) — its own Verdef name. Null when unversioned.
        /// </summary>
        public byte* RequiredVersion(uint symbolIndex)
        {
            if (VersionSymbols == null) return null;
            ushort v = (ushort)(VersionSymbols[symbolIndex] & ~Elf.VersymHidden);
            if (v <= 1) return null;
            if (Symbols[symbolIndex].SectionIndex != Elf.ShnUndefined || VersionNeeds == null) return VersionDefinitionName(v);
            byte* n = VersionNeeds;
            for (int k = 0; k < VersionNeedCount && Inside(n, 16); k++)
            {
                ushort count = *(ushort*)(n + 2);
                uint aux = *(uint*)(n + 8), next = *(uint*)(n + 12);
                byte* a = n + aux;
                for (int j = 0; j < count && Inside(a, 16); j++)
                {
                    if (*(ushort*)(a + 6) == v) return *(uint*)(a + 8) < StringTableBytes ? StringTable + *(uint*)(a + 8) : null;
                    uint nextAux = *(uint*)(a + 12);
                    if (nextAux == 0) break;
                    a += nextAux;
                }
                if (next == 0) break;
                n += next;
            }
            return null;
        }

        /// <summary>The exported symbol whose [value, value + size) holds address (for dladdr), or null.</summary>
        public ElfSymbol* SymbolAt(ulong address)
        {
            ElfSymbol* best = null;
            for (uint i = 1; i < SymbolCount; i++)
            {
                ElfSymbol* s = Symbols + i;
                if (s->SectionIndex == Elf.ShnUndefined || s->SymbolType == Elf.SttTls) continue;
                ulong start = s->Value + Bias;
                if (address >= start && (address < start + s->Size || (s->Size == 0 && address == start))) best = s;
            }
            return best;
        }
    }
}
