using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.Text;

namespace Nacre.Hvm;

/// <summary>One PT_LOAD segment of an HRT image.</summary>
public sealed record HrtSegment(int Index, ulong Physical, ulong FileOffset, ulong FileBytes, ulong MemoryBytes, bool Executable)
{
    public ulong End => Physical + MemoryBytes;

    public bool Contains(ulong address) => address >= Physical && address < End;
}

/// <summary>
/// A validated ELF64 x86-64 HRT image: its loadable segments, the HVM entry point and the exported
/// functions (<c>nacre_export_*</c> symbols). <see cref="Load"/> rejects anything the VMM could not
/// boot with an <see cref="HrtImageException"/> saying exactly what is wrong.
/// </summary>
public sealed class HrtImage
{
    public const string EntrySymbol = "nacre_hvm_entry";
    public const string ExportPrefix = "nacre_export_";

    /// <summary>Segments must start at 1 MiB or above: below is the VMM's own structures and the
    /// low memory the kernel may use.</summary>
    public const ulong LowestLoadAddress = 0x10_0000;

    private const int HeaderSize = 64, ProgramHeaderSize = 56, SectionHeaderSize = 64, SymbolSize = 24;
    private const ushort MachineX86_64 = 62, TypeExec = 2;
    private const uint PtLoad = 1, PfExecute = 1, ShtSymtab = 2, ShtStrtab = 3;

    private readonly byte[] _bytes;

    /// <summary>The kernel variable that points at a loaded shared library's export table (the .NET world's DotNetHost image).</summary>
    public const string ForeignExportsSymbol = "nacre_foreign_exports";

    private HrtImage(string path, byte[] bytes, ulong elfEntry, ulong hvmEntry, IReadOnlyList<HrtSegment> segments, IReadOnlyDictionary<string, ulong> exports, ulong foreignExports)
    {
        ForeignExportsAddress = foreignExports;
        Path = path;
        _bytes = bytes;
        ElfEntry = elfEntry;
        HvmEntry = hvmEntry;
        Segments = segments;
        Exports = exports;
    }

    public string Path { get; }

    /// <summary>The ELF header's entry point (the multiboot entry for a kernel image).</summary>
    public ulong ElfEntry { get; }

    /// <summary>The address of <c>nacre_hvm_entry</c>, where every vCPU starts.</summary>
    public ulong HvmEntry { get; }

    /// <summary>The PT_LOAD segments with memory, in address order.</summary>
    public IReadOnlyList<HrtSegment> Segments { get; }

    /// <summary>Exported functions by name (without the <c>nacre_export_</c> prefix).</summary>
    public IReadOnlyDictionary<string, ulong> Exports { get; }

    /// <summary>The address of <see cref="ForeignExportsSymbol"/>, or 0 when the image has none.</summary>
    public ulong ForeignExportsAddress { get; }

    /// <summary>The lowest loaded address, rounded down to a page.</summary>
    public ulong Start => Segments[0].Physical & ~0xFFFUL;

    internal ReadOnlySpan<byte> FileBytes(HrtSegment segment) =>
        _bytes.AsSpan((int)segment.FileOffset, (int)segment.FileBytes);

    public static HrtImage Load(string path)
    {
        if (Directory.Exists(path))
            throw new HrtImageException(path, "is a directory, not an image");
        if (!File.Exists(path))
            throw new HrtImageException(path, "does not exist");
        return Parse(path, File.ReadAllBytes(path));
    }

    /// <summary>Validates the image's bytes; <paramref name="path"/> only names it in messages.</summary>
    public static HrtImage Parse(string path, byte[] bytes)
    {
        var reader = new Reader(path, bytes);
        return reader.Read();
    }

    private sealed class Reader(string path, byte[] bytes)
    {
        private HrtImageException Error(string problem) => new(path, problem);

        private ulong FileSize => (ulong)bytes.Length;

        private ushort U16(ulong offset) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)offset));
        private uint U32(ulong offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)offset));
        private ulong U64(ulong offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)offset));

        public HrtImage Read()
        {
            CheckHeader();
            var segments = ReadSegments();
            var elfEntry = U64(24);
            CheckExecutable(segments, elfEntry, "entry point");
            var symbols = ReadSymbols();
            if (!symbols.TryGetValue(EntrySymbol, out var hvmEntry))
                throw Error($"not an HRT image: no {EntrySymbol} symbol (was it built with Nacre's HVM support?)");
            CheckExecutable(segments, hvmEntry, EntrySymbol);

            var exports = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var (name, address) in symbols)
            {
                if (!name.StartsWith(ExportPrefix, StringComparison.Ordinal) || name.Length == ExportPrefix.Length)
                    continue;
                CheckExecutable(segments, address, $"export {name}");
                exports[name[ExportPrefix.Length..]] = address;
            }
            symbols.TryGetValue(ForeignExportsSymbol, out var foreignExports);
            return new HrtImage(path, bytes, elfEntry, hvmEntry, segments, new ReadOnlyDictionary<string, ulong>(exports), foreignExports);
        }

        private void CheckHeader()
        {
            if (bytes.Length < 4 || !bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
                throw Error("not an ELF file (it does not start with 0x7F 'ELF')");
            if (FileSize < HeaderSize)
                throw Error($"image is truncated: the file's 0x{FileSize:X} bytes are shorter than an ELF64 header (0x{HeaderSize:X})");
            if (bytes[4] != 2)
                throw Error($"wrong class {bytes[4]} ({ClassName(bytes[4])}): an HRT image must be ELF64 (2)");
            if (bytes[5] != 1)
                throw Error($"wrong data encoding {bytes[5]} ({EncodingName(bytes[5])}): an HRT image must be little-endian (1)");
            var machine = U16(18);
            if (machine != MachineX86_64)
                throw Error($"wrong machine 0x{machine:X} ({MachineName(machine)}): an HRT image must be x86-64 ({MachineX86_64})");
            var type = U16(16);
            if (type != TypeExec)
                throw Error($"wrong type {type} ({TypeName(type)}): an HRT image must be an executable (ET_EXEC, {TypeExec})");
        }

        private List<HrtSegment> ReadSegments()
        {
            var phoff = U64(32);
            var phentsize = U16(54);
            var phnum = U16(56);
            if (phnum == 0)
                throw Error("image has no program headers, so nothing to load");
            if (phentsize != ProgramHeaderSize)
                throw Error($"program headers are 0x{phentsize:X} bytes each; ELF64 program headers are 0x{ProgramHeaderSize:X}");

            var segments = new List<HrtSegment>();
            for (var i = 0; i < phnum; i++)
            {
                var header = phoff + (ulong)(i * ProgramHeaderSize);
                var end = header + ProgramHeaderSize;
                if (phoff > FileSize || end > FileSize)
                    throw Error($"image is truncated: program header {i} ends at 0x{end:X} beyond the file's 0x{FileSize:X} bytes");
                if (U32(header) != PtLoad)
                    continue;
                var flags = U32(header + 4);
                var offset = U64(header + 8);
                var virtualAddress = U64(header + 16);
                var physical = U64(header + 24);
                var fileBytes = U64(header + 32);
                var memoryBytes = U64(header + 40);

                if (fileBytes > memoryBytes)
                    throw Error($"segment {i} has 0x{fileBytes:X} bytes in the file but only 0x{memoryBytes:X} in memory");
                if (fileBytes > 0 && (offset > FileSize || fileBytes > FileSize - offset))
                    throw Error($"image is truncated: segment {i}'s bytes 0x{offset:X}–0x{offset + fileBytes:X} lie beyond the file's 0x{FileSize:X} bytes");
                if (memoryBytes == 0)
                    continue;
                if (physical > ulong.MaxValue - memoryBytes)
                    throw Error($"segment {i} at 0x{physical:X} with 0x{memoryBytes:X} bytes wraps around the address space");
                if (virtualAddress != physical)
                    throw Error($"segment {i} is linked at virtual 0x{virtualAddress:X} but loads at physical 0x{physical:X}: the HVM identity-maps the image, so they must be equal");
                if (physical < LowestLoadAddress)
                    throw Error($"segment {i} at 0x{physical:X} lies below 1 MiB (0x{LowestLoadAddress:X}), where the VMM keeps its own structures");
                segments.Add(new HrtSegment(i, physical, offset, fileBytes, memoryBytes, (flags & PfExecute) != 0));
            }
            if (segments.Count == 0)
                throw Error("image has no loadable (PT_LOAD) segments");

            segments.Sort((a, b) => a.Physical.CompareTo(b.Physical));
            for (var i = 1; i < segments.Count; i++)
            {
                var (previous, next) = (segments[i - 1], segments[i]);
                if (next.Physical < previous.End)
                {
                    var (first, second) = previous.Index < next.Index ? (previous, next) : (next, previous);
                    throw Error($"segments {first.Index} and {second.Index} overlap at 0x{next.Physical:X}");
                }
            }
            return segments;
        }

        private void CheckExecutable(List<HrtSegment> segments, ulong address, string what)
        {
            var segment = segments.Find(s => s.Contains(address))
                ?? throw Error($"{what} 0x{address:X} is outside every loaded segment");
            if (!segment.Executable)
                throw Error($"{what} 0x{address:X} is in segment {segment.Index}, which is not executable");
        }

        /// <summary>The symbols whose names start with "nacre_" (all the VMM looks for), by name.</summary>
        private Dictionary<string, ulong> ReadSymbols()
        {
            var shoff = U64(40);
            var shentsize = U16(58);
            var shnum = U16(60);
            if (shoff == 0 || shnum == 0)
                throw Error($"image has no section headers, so no symbol table: the HVM needs its {EntrySymbol} and {ExportPrefix}* symbols (was it stripped?)");
            if (shentsize != SectionHeaderSize)
                throw Error($"section headers are 0x{shentsize:X} bytes each; ELF64 section headers are 0x{SectionHeaderSize:X}");
            var tableEnd = shoff + (ulong)shnum * SectionHeaderSize;
            if (shoff > FileSize || tableEnd > FileSize)
            {
                var first = shoff > FileSize ? 0 : (int)((FileSize - shoff) / SectionHeaderSize);
                throw Error($"image is truncated: section header {first} ends at 0x{shoff + (ulong)(first + 1) * SectionHeaderSize:X} beyond the file's 0x{FileSize:X} bytes");
            }

            ulong Header(int index) => shoff + (ulong)index * SectionHeaderSize;
            var symtab = -1;
            for (var i = 0; i < shnum && symtab < 0; i++)
                if (U32(Header(i) + 4) == ShtSymtab)
                    symtab = i;
            if (symtab < 0)
                throw Error($"image has no symbol table (.symtab): the HVM needs its {EntrySymbol} and {ExportPrefix}* symbols (was it stripped?)");

            var (symbolsOffset, symbolsSize) = SectionBytes(Header(symtab), symtab, "symbol table");
            var entrySize = U64(Header(symtab) + 56);
            if (entrySize != SymbolSize)
                throw Error($"symbol table entries are 0x{entrySize:X} bytes each; ELF64 symbols are 0x{SymbolSize:X}");
            var link = U32(Header(symtab) + 40);
            if (link == 0 || link >= shnum || U32(Header((int)link) + 4) != ShtStrtab)
                throw Error($"the symbol table's string table (section {link}) is missing or not a string table");
            var (stringsOffset, stringsSize) = SectionBytes(Header((int)link), (int)link, "string table");

            var symbols = new Dictionary<string, ulong>(StringComparer.Ordinal);
            var strings = bytes.AsSpan((int)stringsOffset, (int)stringsSize);
            for (var offset = symbolsOffset; offset + SymbolSize <= symbolsOffset + symbolsSize; offset += SymbolSize)
            {
                var nameOffset = U32(offset);
                var sectionIndex = U16(offset + 6);
                if (nameOffset >= strings.Length || sectionIndex == 0)
                    continue; // unnamed or undefined
                var name = strings[(int)nameOffset..];
                if (!name.StartsWith("nacre_"u8))
                    continue;
                var length = name.IndexOf((byte)0);
                if (length < 0)
                    throw Error($"the string table ends inside the name of the symbol at offset 0x{offset:X}");
                symbols[Encoding.ASCII.GetString(name[..length])] = U64(offset + 8);
            }
            return symbols;
        }

        private (ulong Offset, ulong Size) SectionBytes(ulong header, int index, string what)
        {
            var offset = U64(header + 24);
            var size = U64(header + 32);
            if (offset > FileSize || size > FileSize - offset)
                throw Error($"image is truncated: section {index} ({what}) bytes 0x{offset:X}–0x{offset + size:X} lie beyond the file's 0x{FileSize:X} bytes");
            return (offset, size);
        }
    }

    private static string ClassName(byte elfClass) => elfClass switch { 1 => "ELF32", 2 => "ELF64", _ => "invalid" };

    private static string EncodingName(byte encoding) => encoding switch { 1 => "little-endian", 2 => "big-endian", _ => "invalid" };

    private static string TypeName(ushort type) => type switch
    {
        0 => "ET_NONE", 1 => "ET_REL", 2 => "ET_EXEC", 3 => "ET_DYN", 4 => "ET_CORE", _ => "unknown",
    };

    private static string MachineName(ushort machine) => machine switch
    {
        0 => "EM_NONE", 3 => "EM_386", 8 => "EM_MIPS", 20 => "EM_PPC", 21 => "EM_PPC64", 40 => "EM_ARM",
        62 => "EM_X86_64", 183 => "EM_AARCH64", 243 => "EM_RISCV", 258 => "EM_LOONGARCH", _ => "unknown",
    };
}
