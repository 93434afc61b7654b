using System.Runtime.InteropServices;

namespace Nacre.Personality.Elf
{
    /// <summary>
    /// The ELF64 structures and constants the loader reads (System V gABI, x86-64 psABI). The host
    /// side reads ELF through one reader, Nacre.Hvm.Elf.Elf64 (src/Hvm/Elf); this loader keeps its
    /// own because it is kernel C#, compiled against Nacre.CoreLib into the image, and reads
    /// programs already in guest memory through these blittable structs.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct ElfHeader
    {
        public fixed byte Ident[16];
        public ushort Type, Machine;
        public uint Version;
        public ulong Entry, ProgramHeaderOffset, SectionHeaderOffset;
        public uint Flags;
        public ushort HeaderSize, ProgramHeaderSize, ProgramHeaderCount, SectionHeaderSize, SectionHeaderCount, SectionNameIndex;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ProgramHeader
    {
        public uint Type, Flags;
        public ulong Offset, VirtualAddress, PhysicalAddress, FileSize, MemorySize, Align;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct DynamicEntry
    {
        public long Tag;
        public ulong Value;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ElfSymbol
    {
        public uint Name;
        public byte Info, Other;
        public ushort SectionIndex;
        public ulong Value, Size;

        public int Binding => Info >> 4;
        public int SymbolType => Info & 0xF;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Rela
    {
        public ulong Offset, Info;
        public long Addend;

        public uint Type => (uint)Info;
        public uint Symbol => (uint)(Info >> 32);
    }

    public static class Elf
    {
        public const byte ClassElf64 = 2, DataLittleEndian = 1;
        public const ushort TypeExecutable = 2, TypeShared = 3, MachineX86_64 = 62;

        public const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3, PtPhdr = 6, PtTls = 7, PtGnuEhFrame = 0x6474E550, PtGnuStack = 0x6474E551, PtGnuRelro = 0x6474E552;
        public const uint PfExecute = 1, PfWrite = 2, PfRead = 4;

        public const long DtNull = 0, DtNeeded = 1, DtPltRelSize = 2, DtHash = 4, DtStrTab = 5, DtSymTab = 6, DtRela = 7, DtRelaSize = 8,
            DtRelaEnt = 9, DtStrSize = 10, DtInit = 12, DtFini = 13, DtSoName = 14, DtRel = 17, DtPltRel = 20, DtTextRel = 22,
            DtJmpRel = 23, DtInitArray = 25, DtFiniArray = 26, DtInitArraySize = 27, DtFiniArraySize = 28, DtFlags = 30,
            DtPreinitArray = 32, DtPreinitArraySize = 33, DtRelrSize = 35, DtRelr = 36, DtGnuHash = 0x6FFFFEF5,
            DtVerSym = 0x6FFFFFF0, DtVerDef = 0x6FFFFFFC, DtVerDefNum = 0x6FFFFFFD, DtVerNeed = 0x6FFFFFFE, DtVerNeedNum = 0x6FFFFFFF;

        public const int StbLocal = 0, StbGlobal = 1, StbWeak = 2, StbGnuUnique = 10;
        public const int SttNoType = 0, SttObject = 1, SttFunc = 2, SttTls = 6, SttGnuIfunc = 10;
        public const ushort ShnUndefined = 0, ShnAbsolute = 0xFFF1;

        public const uint RNone = 0, R64 = 1, RPc32 = 2, RCopy = 5, RGlobDat = 6, RJumpSlot = 7, RRelative = 8,
            RDtpMod64 = 16, RDtpOff64 = 17, RTpOff64 = 18, RIRelative = 37;

        public const ushort VersymHidden = 0x8000;
    }
}
