using System.Buffers.Binary;
using System.Text;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// Builds small ELF64 HRT images byte by byte — valid by default, broken in one chosen way by
/// changing a field — so that the VMM's image validation can be tested exactly. Layout: ELF
/// header, program headers, segment bytes from 0x1000 on, then .strtab, .symtab, .shstrtab and
/// the section headers.
/// </summary>
public sealed class HrtElfBuilder
{
    public sealed record Segment(ulong Physical, ulong FileBytes, ulong MemoryBytes, uint Flags = Rx)
    {
        public ulong? Virtual { get; init; }
    }

    public const uint Rx = 5, Rw = 6;
    public const ulong Base = 0x10_0000;

    public byte Class { get; set; } = 2;
    public byte DataEncoding { get; set; } = 1;
    public ushort Type { get; set; } = 2;
    public ushort Machine { get; set; } = 62;
    public ulong Entry { get; set; } = Base;
    public bool Sections { get; set; } = true;

    public List<Segment> Segments { get; } = [new(Base, 0x100, 0x100), new(Base + 0x1000, 0, 0x2000, Rw)];

    public List<(string Name, ulong Value)> Symbols { get; } = [("nacre_hvm_entry", Base + 0x10), ("nacre_export_Add", Base + 0x20), ("other", Base + 0x30)];

    public byte[] Build()
    {
        var image = new List<byte>(new byte[64 + 56 * Segments.Count]);
        var offsets = new List<ulong>();
        foreach (var segment in Segments)
        {
            Pad(image, 0x1000);
            offsets.Add((ulong)image.Count);
            for (ulong i = 0; i < segment.FileBytes; i++)
                image.Add((byte)(0x90 + i % 7));
        }

        var (symtabOffset, strtabOffset, shstrtabOffset, sectionsOffset) = (0UL, 0UL, 0UL, 0UL);
        var (symtabSize, strtabSize, shstrtabSize) = (0UL, 0UL, 0UL);
        if (Sections)
        {
            Pad(image, 8);
            strtabOffset = (ulong)image.Count;
            var names = new List<uint>();
            image.Add(0);
            foreach (var (name, _) in Symbols)
            {
                names.Add((uint)(image.Count - (int)strtabOffset));
                image.AddRange(Encoding.ASCII.GetBytes(name + "\0"));
            }
            strtabSize = (ulong)image.Count - strtabOffset;

            Pad(image, 8);
            symtabOffset = (ulong)image.Count;
            image.AddRange(new byte[24]); // the null symbol
            for (var i = 0; i < Symbols.Count; i++)
            {
                var symbol = new byte[24];
                BinaryPrimitives.WriteUInt32LittleEndian(symbol, names[i]);
                symbol[4] = 0x12;                                            // STB_GLOBAL, STT_FUNC
                BinaryPrimitives.WriteUInt16LittleEndian(symbol.AsSpan(6), 1); // defined (section 1)
                BinaryPrimitives.WriteUInt64LittleEndian(symbol.AsSpan(8), Symbols[i].Value);
                image.AddRange(symbol);
            }
            symtabSize = (ulong)image.Count - symtabOffset;

            shstrtabOffset = (ulong)image.Count;
            image.AddRange("\0.symtab\0.strtab\0.shstrtab\0"u8.ToArray());
            shstrtabSize = (ulong)image.Count - shstrtabOffset;

            Pad(image, 8);
            sectionsOffset = (ulong)image.Count;
            image.AddRange(new byte[64]);                                                  // 0: null
            image.AddRange(SectionHeader(1, 2, symtabOffset, symtabSize, link: 2, entrySize: 24)); // 1: .symtab
            image.AddRange(SectionHeader(9, 3, strtabOffset, strtabSize));                 // 2: .strtab
            image.AddRange(SectionHeader(17, 3, shstrtabOffset, shstrtabSize));            // 3: .shstrtab
        }

        var bytes = image.ToArray();
        "\u007fELF"u8.CopyTo(bytes);
        bytes[4] = Class;
        bytes[5] = DataEncoding;
        bytes[6] = 1;
        var header = bytes.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(header[16..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[18..], Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], Entry);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], 64);
        BinaryPrimitives.WriteUInt64LittleEndian(header[40..], sectionsOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(header[52..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(header[54..], 56);
        BinaryPrimitives.WriteUInt16LittleEndian(header[56..], (ushort)Segments.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(header[58..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(header[60..], (ushort)(Sections ? 4 : 0));
        BinaryPrimitives.WriteUInt16LittleEndian(header[62..], (ushort)(Sections ? 3 : 0));

        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            var ph = header[(64 + 56 * i)..];
            BinaryPrimitives.WriteUInt32LittleEndian(ph, 1); // PT_LOAD
            BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], segment.Flags);
            BinaryPrimitives.WriteUInt64LittleEndian(ph[8..], segment.FileBytes == 0 ? 0 : offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(ph[16..], segment.Virtual ?? segment.Physical);
            BinaryPrimitives.WriteUInt64LittleEndian(ph[24..], segment.Physical);
            BinaryPrimitives.WriteUInt64LittleEndian(ph[32..], segment.FileBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(ph[40..], segment.MemoryBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(ph[48..], 0x1000);
        }
        return bytes;
    }

    private static void Pad(List<byte> image, int alignment)
    {
        while (image.Count % alignment != 0)
            image.Add(0);
    }

    private static byte[] SectionHeader(uint name, uint type, ulong offset, ulong size, uint link = 0, ulong entrySize = 0)
    {
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, name);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24), offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(32), size);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), link);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(56), entrySize);
        return header;
    }
}
