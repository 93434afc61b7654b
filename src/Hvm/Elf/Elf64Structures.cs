namespace Nacre.Hvm.Elf;

/// <summary>The fields of an ELF64 file header that Nacre reads (e_ident's class and data, then e_type onwards).</summary>
public readonly record struct Elf64Header(byte Class, byte Encoding, ushort Type, ushort Machine, ulong Entry,
    ulong ProgramHeaderOffset, ulong SectionHeaderOffset, ushort ProgramHeaderEntrySize, ushort ProgramHeaderCount,
    ushort SectionHeaderEntrySize, ushort SectionHeaderCount, ushort SectionNameIndex);

/// <summary>An ELF64 program header (p_align aside).</summary>
public readonly record struct Elf64ProgramHeader(uint Type, uint Flags, ulong Offset, ulong VirtualAddress, ulong PhysicalAddress, ulong FileSize, ulong MemorySize);

/// <summary>The fields of an ELF64 section header that Nacre reads.</summary>
public readonly record struct Elf64SectionHeader(uint NameOffset, uint Type, ulong Offset, ulong Size, uint Link, ulong EntrySize);

/// <summary>The fields of an ELF64 symbol that Nacre reads.</summary>
public readonly record struct Elf64Symbol(uint NameOffset, ushort SectionIndex, ulong Value);
