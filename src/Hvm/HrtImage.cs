using System.Collections.ObjectModel;
using System.Text;
using Nacre.Hvm.Elf;

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

    private const int HeaderSize = Elf64.HeaderSize, ProgramHeaderSize = Elf64.ProgramHeaderSize, SectionHeaderSize = Elf64.SectionHeaderSize, SymbolSize = Elf64.SymbolSize;
    private const ushort MachineX86_64 = Elf64.MachineX86_64, TypeExec = Elf64.TypeExec;

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

        public HrtImage Read()
        {
            var header = CheckHeader();
            var segments = ReadSegments(header);
            var elfEntry = header.Entry;
            CheckExecutable(segments, elfEntry, "entry point");
            var symbols = ReadSymbols(header);
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

        private Elf64Header CheckHeader()
        {
            if (!Elf64.HasMagic(bytes))
                throw Error("not an ELF file (it does not start with 0x7F 'ELF')");
            if (FileSize < HeaderSize)
                throw Error($"image is truncated: the file's 0x{FileSize:X} bytes are shorter than an ELF64 header (0x{HeaderSize:X})");
            var header = Elf64.Header(bytes);
            if (header.Class != Elf64.Class64)
                throw Error($"wrong class {header.Class} ({ClassName(header.Class)}): an HRT image must be ELF64 (2)");
            if (header.Encoding != Elf64.LittleEndian)
                throw Error($"wrong data encoding {header.Encoding} ({EncodingName(header.Encoding)}): an HRT image must be little-endian (1)");
            var machine = header.Machine;
            if (machine != MachineX86_64)
                throw Error($"wrong machine 0x{machine:X} ({MachineName(machine)}): an HRT image must be x86-64 ({MachineX86_64})");
            var type = header.Type;
            if (type != TypeExec)
                throw Error($"wrong type {type} ({TypeName(type)}): an HRT image must be an executable (ET_EXEC, {TypeExec})");
            return header;
        }

        private List<HrtSegment> ReadSegments(Elf64Header elf)
        {
            var phoff = elf.ProgramHeaderOffset;
            var phentsize = elf.ProgramHeaderEntrySize;
            var phnum = elf.ProgramHeaderCount;
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
                var program = Elf64.ProgramHeader(bytes, header);
                if (program.Type != Elf64.PtLoad)
                    continue;
                var flags = program.Flags;
                var offset = program.Offset;
                var virtualAddress = program.VirtualAddress;
                var physical = program.PhysicalAddress;
                var fileBytes = program.FileSize;
                var memoryBytes = program.MemorySize;

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
                segments.Add(new HrtSegment(i, physical, offset, fileBytes, memoryBytes, (flags & Elf64.PfExecute) != 0));
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
        private Dictionary<string, ulong> ReadSymbols(Elf64Header elf)
        {
            var shoff = elf.SectionHeaderOffset;
            var shentsize = elf.SectionHeaderEntrySize;
            var shnum = elf.SectionHeaderCount;
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
            Elf64SectionHeader Section(int index) => Elf64.SectionHeader(bytes, Header(index));
            var symtab = -1;
            for (var i = 0; i < shnum && symtab < 0; i++)
                if (Section(i).Type == Elf64.ShtSymtab)
                    symtab = i;
            if (symtab < 0)
                throw Error($"image has no symbol table (.symtab): the HVM needs its {EntrySymbol} and {ExportPrefix}* symbols (was it stripped?)");

            var (symbolsOffset, symbolsSize) = SectionBytes(Section(symtab), symtab, "symbol table");
            var entrySize = Section(symtab).EntrySize;
            if (entrySize != SymbolSize)
                throw Error($"symbol table entries are 0x{entrySize:X} bytes each; ELF64 symbols are 0x{SymbolSize:X}");
            var link = Section(symtab).Link;
            if (link == 0 || link >= shnum || Section((int)link).Type != Elf64.ShtStrtab)
                throw Error($"the symbol table's string table (section {link}) is missing or not a string table");
            var (stringsOffset, stringsSize) = SectionBytes(Section((int)link), (int)link, "string table");

            var symbols = new Dictionary<string, ulong>(StringComparer.Ordinal);
            var strings = bytes.AsSpan((int)stringsOffset, (int)stringsSize);
            for (var offset = symbolsOffset; offset + SymbolSize <= symbolsOffset + symbolsSize; offset += SymbolSize)
            {
                var symbol = Elf64.Symbol(bytes, offset);
                var nameOffset = symbol.NameOffset;
                var sectionIndex = symbol.SectionIndex;
                if (nameOffset >= strings.Length || sectionIndex == 0)
                    continue; // unnamed or undefined
                var name = strings[(int)nameOffset..];
                if (!name.StartsWith("nacre_"u8))
                    continue;
                var length = name.IndexOf((byte)0);
                if (length < 0)
                    throw Error($"the string table ends inside the name of the symbol at offset 0x{offset:X}");
                symbols[Encoding.ASCII.GetString(name[..length])] = symbol.Value;
            }
            return symbols;
        }

        private (ulong Offset, ulong Size) SectionBytes(Elf64SectionHeader section, int index, string what)
        {
            var offset = section.Offset;
            var size = section.Size;
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
