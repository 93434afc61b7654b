using System.Buffers.Binary;

namespace Nacre.Hvm.Elf;

/// <summary>
/// The one reader of ELF64 little-endian files on the host side (System V gABI): the VMM's
/// <see cref="HrtImage"/>, and in Nacre.Host the image checks before a boot, the trace's symbol
/// names and the test for a NativeAOT program all read headers through it. It knows the layout
/// only; each caller judges what it reads and says what is wrong in its own words. Callers check
/// that a structure lies within the bytes before asking for it, except <see cref="FindSection"/>,
/// which checks for itself. The kernel's loader for the .NET world (src/Personality/Elf) has its
/// own structs: it is kernel C# compiled against Nacre.CoreLib and reads images in guest memory,
/// so it cannot share this host code.
/// </summary>
public static class Elf64
{
    public const int HeaderSize = 64, ProgramHeaderSize = 56, SectionHeaderSize = 64, SymbolSize = 24;

    /// <summary>e_ident[EI_CLASS] and e_ident[EI_DATA] values.</summary>
    public const byte Class32 = 1, Class64 = 2, LittleEndian = 1, BigEndian = 2;

    /// <summary>e_type and e_machine values.</summary>
    public const ushort TypeExec = 2, TypeDyn = 3, MachineX86_64 = 62;

    /// <summary>p_type, p_flags and sh_type values.</summary>
    public const uint PtLoad = 1, PfExecute = 1, ShtSymtab = 2, ShtStrtab = 3;

    /// <summary>Whether the bytes start with 0x7F 'E' 'L' 'F'.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual("\u007fELF"u8);

    /// <summary>e_ident[EI_CLASS]: needs 5 bytes.</summary>
    public static byte Class(ReadOnlySpan<byte> bytes) => bytes[4];

    /// <summary>e_ident[EI_DATA]: needs 6 bytes.</summary>
    public static byte Encoding(ReadOnlySpan<byte> bytes) => bytes[5];

    /// <summary>e_type: needs 18 bytes.</summary>
    public static ushort Type(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]);

    /// <summary>The file header: needs <see cref="HeaderSize"/> bytes.</summary>
    public static Elf64Header Header(ReadOnlySpan<byte> bytes) => new(
        Class(bytes), Encoding(bytes), Type(bytes),
        Machine: U16(bytes, 18), Entry: U64(bytes, 24),
        ProgramHeaderOffset: U64(bytes, 32), SectionHeaderOffset: U64(bytes, 40),
        ProgramHeaderEntrySize: U16(bytes, 54), ProgramHeaderCount: U16(bytes, 56),
        SectionHeaderEntrySize: U16(bytes, 58), SectionHeaderCount: U16(bytes, 60), SectionNameIndex: U16(bytes, 62));

    /// <summary>The program header at <paramref name="offset"/>: needs <see cref="ProgramHeaderSize"/> bytes there.</summary>
    public static Elf64ProgramHeader ProgramHeader(ReadOnlySpan<byte> bytes, ulong offset)
    {
        var h = bytes[(int)offset..];
        return new(Type: U32(h, 0), Flags: U32(h, 4), Offset: U64(h, 8), VirtualAddress: U64(h, 16), PhysicalAddress: U64(h, 24),
            FileSize: U64(h, 32), MemorySize: U64(h, 40));
    }

    /// <summary>The section header at <paramref name="offset"/>: needs <see cref="SectionHeaderSize"/> bytes there.</summary>
    public static Elf64SectionHeader SectionHeader(ReadOnlySpan<byte> bytes, ulong offset)
    {
        var h = bytes[(int)offset..];
        return new(NameOffset: U32(h, 0), Type: U32(h, 4), Offset: U64(h, 24), Size: U64(h, 32), Link: U32(h, 40), EntrySize: U64(h, 56));
    }

    /// <summary>The symbol at <paramref name="offset"/>: needs <see cref="SymbolSize"/> bytes there.</summary>
    public static Elf64Symbol Symbol(ReadOnlySpan<byte> bytes, ulong offset)
    {
        var s = bytes[(int)offset..];
        return new(NameOffset: U32(s, 0), SectionIndex: U16(s, 6), Value: U64(s, 8));
    }

    /// <summary>
    /// The bytes of the section named <paramref name="name"/> (through the section-name string
    /// table), or null when there is none or the file is not a well-formed ELF64 file.
    /// </summary>
    public static (int Offset, int Size)? FindSection(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < HeaderSize || !HasMagic(bytes) || Class(bytes) != Class64)
            return null;
        var header = Header(bytes);
        var length = (ulong)bytes.Length;
        ulong At(int index) => header.SectionHeaderOffset + (ulong)index * SectionHeaderSize;
        if (header.SectionHeaderOffset > length || header.SectionNameIndex >= header.SectionHeaderCount
            || (ulong)header.SectionHeaderCount * SectionHeaderSize > length - header.SectionHeaderOffset)
            return null;
        var names = SectionHeader(bytes, At(header.SectionNameIndex));
        if (names.Offset > length || names.Size > length - names.Offset)
            return null;
        var table = bytes.Slice((int)names.Offset, (int)names.Size);
        for (var i = 0; i < header.SectionHeaderCount; i++)
        {
            var section = SectionHeader(bytes, At(i));
            if (section.NameOffset >= table.Length)
                continue;
            var rest = table[(int)section.NameOffset..];
            var end = rest.IndexOf((byte)0);
            if (end < 0 || System.Text.Encoding.ASCII.GetString(rest[..end]) != name)
                continue;
            if (section.Offset > length || section.Size > length - section.Offset)
                return null;
            return ((int)section.Offset, (int)section.Size);
        }
        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
    private static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
    private static ulong U64(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]);
}
