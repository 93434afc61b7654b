using Nacre.Personality.Posix;

namespace Nacre.Personality.Elf
{
    /// <summary>
    /// Maps ELF objects into the .NET world's address space: validates the file, reserves the
    /// span of its PT_LOAD segments at a free address (position-independent objects only), copies
    /// each segment in with its access, reads the dynamic section and reserves its static TLS
    /// block. Relocation and binding are Linker's. Errors come back as a message naming the file
    /// and the problem; nothing here panics on a bad file.
    /// </summary>
    public static unsafe class Loader
    {
        /// <summary>Maps file (size bytes) as name. Null with error set when it cannot be loaded.</summary>
        public static ElfObject Map(byte* file, ulong size, string name, out string error)
        {
            error = null;
            var header = (ElfHeader*)file;
            if (size < (ulong)sizeof(ElfHeader) || header->Ident[0] != 0x7F || header->Ident[1] != (byte)'E' || header->Ident[2] != (byte)'L' || header->Ident[3] != (byte)'F')
                return Fail(name, "not an ELF file", out error);
            if (header->Ident[4] != Elf.ClassElf64 || header->Ident[5] != Elf.DataLittleEndian)
                return Fail(name, "not a 64-bit little-endian ELF file", out error);
            if (header->Machine != Elf.MachineX86_64) return Fail(name, $"built for machine {header->Machine}, not x86-64", out error);
            if (header->Type != Elf.TypeShared)
                return Fail(name, header->Type == Elf.TypeExecutable ? "a fixed-address executable (ET_EXEC); only position-independent programs (PIE) and shared libraries load here" : $"ELF type {header->Type} is neither a PIE nor a shared library", out error);
            if (header->ProgramHeaderSize != sizeof(ProgramHeader) || header->ProgramHeaderOffset + (ulong)header->ProgramHeaderCount * (ulong)sizeof(ProgramHeader) > size)
                return Fail(name, "program headers lie outside the file", out error);

            var phdrs = (ProgramHeader*)(file + header->ProgramHeaderOffset);
            ulong low = ulong.MaxValue, high = 0;
            bool interpreter = false;
            for (int i = 0; i < header->ProgramHeaderCount; i++)
            {
                ProgramHeader* p = phdrs + i;
                if (p->Type == Elf.PtInterp) interpreter = true;
                if (p->Type != Elf.PtLoad) continue;
                if (p->FileSize > p->MemorySize || p->Offset + p->FileSize > size || p->Offset + p->FileSize < p->Offset)
                    return Fail(name, $"segment {i} lies outside the file", out error);
                if (p->Align > AddressSpace.PageSize && p->Align > 0x200000) return Fail(name, $"segment {i} needs 0x{p->Align:x} alignment", out error);
                if (((p->VirtualAddress - p->Offset) & (AddressSpace.PageSize - 1)) != 0) return Fail(name, $"segment {i} is not page-congruent with its file offset", out error);
                ulong start = p->VirtualAddress & ~(AddressSpace.PageSize - 1);
                ulong end = p->VirtualAddress + p->MemorySize;
                if (end < p->VirtualAddress) return Fail(name, $"segment {i} wraps around", out error);
                if (start < low) low = start;
                if (end > high) high = end;
            }
            if (high == 0) return Fail(name, "no loadable segment", out error);

            ulong span = ((high + AddressSpace.PageSize - 1) & ~(AddressSpace.PageSize - 1)) - low;
            ulong mapped = AddressSpace.Map(0, span, AddressSpace.ProtNone, false, out int errno);
            if (mapped == 0) return Fail(name, $"no room for 0x{span:x} bytes of segments (errno {errno})", out error);

            var o = new ElfObject { File = file, Name = name, NameC = CString.FromManaged(name), Bias = mapped - low, MapStart = mapped, MapEnd = mapped + span };
            o.IsExecutable = interpreter && header->Entry != 0;
            o.Entry = header->Entry == 0 ? 0 : header->Entry + o.Bias;

            for (int i = 0; i < header->ProgramHeaderCount; i++)
            {
                ProgramHeader* p = phdrs + i;
                if (p->Type != Elf.PtLoad || p->MemorySize == 0) continue;
                ulong start = (p->VirtualAddress & ~(AddressSpace.PageSize - 1)) + o.Bias;
                ulong end = p->VirtualAddress + p->MemorySize + o.Bias;
                // Writable while its bytes go in and relocations are applied (code stays executable:
                // IFUNC resolvers run then); Seal gives each segment its final access.
                int loading = AddressSpace.ProtRead | AddressSpace.ProtWrite | ((p->Flags & Elf.PfExecute) != 0 ? AddressSpace.ProtExec : 0);
                if (AddressSpace.Protect(start, end - start, loading) != 0)
                    return Fail(name, $"out of memory for segment {i} (0x{end - start:x} bytes)", out error);
                byte* dest = (byte*)(p->VirtualAddress + o.Bias);
                Copy(dest, file + p->Offset, p->FileSize);
            }

            // Program headers: inside a segment (PT_PHDR) for programs; else a copy.
            o.ProgramHeaderCount = header->ProgramHeaderCount;
            o.ProgramHeaders = null;
            for (int i = 0; i < header->ProgramHeaderCount; i++)
                if (phdrs[i].Type == Elf.PtPhdr) o.ProgramHeaders = (ProgramHeader*)(phdrs[i].VirtualAddress + o.Bias);
            if (o.ProgramHeaders == null)
            {
                o.ProgramHeaders = (ProgramHeader*)Nacre.Memory.Heap.Alloc((nuint)(header->ProgramHeaderCount * sizeof(ProgramHeader)));
                Copy((byte*)o.ProgramHeaders, (byte*)phdrs, (ulong)(header->ProgramHeaderCount * sizeof(ProgramHeader)));
            }

            for (int i = 0; i < header->ProgramHeaderCount; i++)
            {
                ProgramHeader* p = phdrs + i;
                if (p->Type == Elf.PtDynamic) { o.Dynamic = (DynamicEntry*)(p->VirtualAddress + o.Bias); o.DynamicBytes = p->MemorySize; }
                else if (p->Type == Elf.PtGnuEhFrame) o.EhFrameHeader = p->VirtualAddress + o.Bias;
                else if (p->Type == Elf.PtGnuRelro) { o.RelroStart = p->VirtualAddress + o.Bias; o.RelroEnd = o.RelroStart + p->MemorySize; }
                else if (p->Type == Elf.PtTls && p->MemorySize != 0)
                {
                    o.TlsModuleId = StaticTls.Add(p->VirtualAddress + o.Bias, p->FileSize, p->MemorySize, p->Align, p->VirtualAddress, out o.TlsOffset);
                    if (o.TlsModuleId == 0) return Fail(name, "too many modules with thread-local storage", out error);
                }
            }
            if (o.Dynamic == null) return Fail(name, "no dynamic section (a statically linked program cannot run here)", out error);
            if (!o.Inside(o.Dynamic, o.DynamicBytes) || o.DynamicBytes < (ulong)sizeof(DynamicEntry)) return Fail(name, "the dynamic section lies outside the loaded segments", out error);
            if (o.Entry != 0 && !o.Contains(o.Entry)) return Fail(name, $"the entry point 0x{header->Entry:x} lies outside the loaded segments", out error);
            if (!ReadDynamic(o, out error)) return null;
            return o;
        }

        private static bool ReadDynamic(ElfObject o, out string error)
        {
            error = null;
            ulong bias = o.Bias;
            int neededCount = 0;
            ulong verDefNum = 0, verNeedNum = 0;
            DynamicEntry* end = o.Dynamic + o.DynamicBytes / (ulong)sizeof(DynamicEntry);
            for (DynamicEntry* d = o.Dynamic; d < end && d->Tag != Elf.DtNull; d++)
            {
                ulong v = d->Value;
                switch (d->Tag)
                {
                    case Elf.DtNeeded: neededCount++; break;
                    case Elf.DtStrTab: o.StringTable = (byte*)(v + bias); break;
                    case Elf.DtStrSize: o.StringTableBytes = v; break;
                    case Elf.DtSymTab: o.Symbols = (ElfSymbol*)(v + bias); break;
                    case Elf.DtHash: o.SysvHash = (uint*)(v + bias); break;
                    case Elf.DtGnuHash: o.GnuHash = (uint*)(v + bias); break;
                    case Elf.DtRela: o.Relocations = (Rela*)(v + bias); break;
                    case Elf.DtRelaSize: o.RelocationBytes = v; break;
                    case Elf.DtJmpRel: o.PltRelocations = (Rela*)(v + bias); break;
                    case Elf.DtPltRelSize: o.PltRelocationBytes = v; break;
                    case Elf.DtPltRel: if (v != (ulong)Elf.DtRela) { error = $"{o.Name}: PLT relocations are not RELA"; return false; } break;
                    case Elf.DtRel: error = $"{o.Name}: REL relocations (without addends) are not used on x86-64"; return false;
                    case Elf.DtRelr: o.RelativeRelocations = (ulong*)(v + bias); break;
                    case Elf.DtRelrSize: o.RelativeRelocationBytes = v; break;
                    case Elf.DtInit: o.Init = v + bias; break;
                    case Elf.DtFini: o.Fini = v + bias; break;
                    case Elf.DtInitArray: o.InitArray = (ulong*)(v + bias); break;
                    case Elf.DtInitArraySize: o.InitArrayCount = (int)(v / 8); break;
                    case Elf.DtFiniArray: o.FiniArray = (ulong*)(v + bias); break;
                    case Elf.DtFiniArraySize: o.FiniArrayCount = (int)(v / 8); break;
                    case Elf.DtPreinitArray: o.PreinitArray = (ulong*)(v + bias); break;
                    case Elf.DtPreinitArraySize: o.PreinitArrayCount = (int)(v / 8); break;
                    case Elf.DtVerSym: o.VersionSymbols = (ushort*)(v + bias); break;
                    case Elf.DtVerDef: o.VersionDefinitions = (byte*)(v + bias); break;
                    case Elf.DtVerDefNum: verDefNum = v; break;
                    case Elf.DtVerNeed: o.VersionNeeds = (byte*)(v + bias); break;
                    case Elf.DtVerNeedNum: verNeedNum = v; break;
                    case Elf.DtTextRel: error = $"{o.Name}: has text relocations (DT_TEXTREL)"; return false;
                }
            }
            o.VersionDefinitionCount = (int)verDefNum;
            o.VersionNeedCount = (int)verNeedNum;
            if (o.StringTable == null || o.Symbols == null) { error = $"{o.Name}: the dynamic section has no symbol or string table"; return false; }
            if (o.GnuHash == null && o.SysvHash == null) { error = $"{o.Name}: the dynamic section has no symbol hash table"; return false; }
            string bad = CheckTables(o);
            if (bad != null) { error = $"{o.Name}: corrupt dynamic section: {bad} lies outside the loaded segments"; return false; }

            o.Needed = new string[neededCount];
            int n = 0;
            for (DynamicEntry* d = o.Dynamic; d < end && d->Tag != Elf.DtNull; d++)
                if (d->Tag == Elf.DtNeeded)
                {
                    if (d->Value >= o.StringTableBytes) { error = $"{o.Name}: corrupt dynamic section: a DT_NEEDED name lies outside the string table"; return false; }
                    o.Needed[n++] = CString.ToManaged(o.StringTable + d->Value);
                }
            return true;
        }

        // Every table the dynamic section points at must lie within the object's own segments
        // (a corrupt file is an error, not a fault in the kernel); returns what does not, or null.
        private static string CheckTables(ElfObject o)
        {
            if (!o.Inside(o.StringTable, o.StringTableBytes) || o.StringTableBytes == 0 || o.StringTable[o.StringTableBytes - 1] != 0) return "the string table";
            if (o.SysvHash != null)
            {
                if (!o.Inside(o.SysvHash, 8) || !o.Inside(o.SysvHash, 8 + 4 * ((ulong)o.SysvHash[0] + o.SysvHash[1]))) return "the symbol hash table";
                o.SymbolCount = o.SysvHash[1];
            }
            else
            {
                if (!o.Inside(o.GnuHash, 16)) return "the GNU hash table";
                ulong bytes = 16 + 8 * (ulong)o.GnuHash[2] + 4 * (ulong)o.GnuHash[0];
                if (!o.Inside(o.GnuHash, bytes) || o.GnuHash[0] == 0) return "the GNU hash table";
                uint count = GnuSymbolCount(o, o.GnuHash);
                if (count == uint.MaxValue) return "a GNU hash chain";
                o.SymbolCount = count;
            }
            if (!o.Inside(o.Symbols, (ulong)o.SymbolCount * (ulong)sizeof(ElfSymbol))) return "the symbol table";
            for (uint i = 0; i < o.SymbolCount; i++) if (o.Symbols[i].Name >= o.StringTableBytes) return "a symbol's name";
            if (o.VersionSymbols != null && !o.Inside(o.VersionSymbols, 2 * (ulong)o.SymbolCount)) return "the symbol versions";
            if (o.Relocations != null && !o.Inside(o.Relocations, o.RelocationBytes)) return "the relocation table";
            if (o.PltRelocations != null && !o.Inside(o.PltRelocations, o.PltRelocationBytes)) return "the PLT relocation table";
            if (o.RelativeRelocations != null && !o.Inside(o.RelativeRelocations, o.RelativeRelocationBytes)) return "the RELR table";
            if (o.InitArray != null && !o.Inside(o.InitArray, 8 * (ulong)o.InitArrayCount)) return "the init array";
            if (o.FiniArray != null && !o.Inside(o.FiniArray, 8 * (ulong)o.FiniArrayCount)) return "the fini array";
            if (o.PreinitArray != null && !o.Inside(o.PreinitArray, 8 * (ulong)o.PreinitArrayCount)) return "the preinit array";
            if (o.Init != 0 && !o.Contains(o.Init)) return "DT_INIT";
            if (o.Fini != 0 && !o.Contains(o.Fini)) return "DT_FINI";
            return null;
        }

        // DT_GNU_HASH has no symbol count: it is one past the last symbol any chain reaches
        // (uint.MaxValue when a chain runs off the object's segments).
        private static uint GnuSymbolCount(ElfObject o, uint* table)
        {
            uint buckets = table[0], symbolOffset = table[1], bloomSize = table[2];
            uint* bucket = (uint*)((ulong*)(table + 4) + bloomSize);
            uint* chain = bucket + buckets;
            uint last = 0;
            for (uint b = 0; b < buckets; b++) if (bucket[b] > last) last = bucket[b];
            if (last < symbolOffset) return symbolOffset;
            while (true)
            {
                if (!o.Inside(chain + (last - symbolOffset), 4)) return uint.MaxValue;
                if ((chain[last - symbolOffset] & 1) != 0) return last + 1;
                last++;
            }
        }

        /// <summary>
        /// After relocation: each segment gets its own access (R, RW or RX) and the RELRO range
        /// becomes read-only, as on Linux, so stray writes fault the same way.
        /// </summary>
        public static void Seal(ElfObject o)
        {
            byte* file = o.File;
            var header = (ElfHeader*)file;
            var phdrs = (ProgramHeader*)(file + header->ProgramHeaderOffset);
            for (int i = 0; i < header->ProgramHeaderCount; i++)
            {
                ProgramHeader* p = phdrs + i;
                if (p->Type != Elf.PtLoad || p->MemorySize == 0) continue;
                ulong start = (p->VirtualAddress & ~(AddressSpace.PageSize - 1)) + o.Bias;
                ulong end = ((p->VirtualAddress + p->MemorySize + AddressSpace.PageSize - 1) & ~(AddressSpace.PageSize - 1)) + o.Bias;
                int prot = ((p->Flags & Elf.PfRead) != 0 ? AddressSpace.ProtRead : 0)
                    | ((p->Flags & Elf.PfWrite) != 0 ? AddressSpace.ProtWrite : 0)
                    | ((p->Flags & Elf.PfExecute) != 0 ? AddressSpace.ProtExec : 0);
                if (prot == 0) prot = AddressSpace.ProtRead;
                AddressSpace.Protect(start, end - start, prot);
            }
            if (o.RelroEnd > o.RelroStart)
            {
                ulong start = o.RelroStart & ~(AddressSpace.PageSize - 1);
                ulong end = o.RelroEnd & ~(AddressSpace.PageSize - 1);   // a partial last page stays writable, as ld.so does
                if (end > start) AddressSpace.Protect(start, end - start, AddressSpace.ProtRead);
            }
        }

        private static void Copy(byte* dest, byte* source, ulong bytes)
        {
            ulong i = 0;
            for (; i + 8 <= bytes; i += 8) *(ulong*)(dest + i) = *(ulong*)(source + i);
            for (; i < bytes; i++) dest[i] = source[i];
        }

        private static ElfObject Fail(string name, string message, out string error)
        {
            error = $"{name}: {message}";
            return null;
        }
    }
}
