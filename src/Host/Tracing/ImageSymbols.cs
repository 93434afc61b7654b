using System.Buffers.Binary;
using System.Text;
using Nacre.Hvm.Elf;

namespace Nacre.Host.Tracing;

/// <summary>
/// The image's own symbol table (the <c>.nacre_symbols</c> section the build adds, with names
/// already demangled into C# spelling; layout in src/Kernel/Diagnostics/Symbols.cs), for naming
/// the code addresses a trace records. An image without the section names nothing.
/// </summary>
public sealed class ImageSymbols
{
    private readonly ulong[] _addresses;
    private readonly ulong[] _sizes;
    private readonly string[] _names;

    private ImageSymbols(ulong[] addresses, ulong[] sizes, string[] names) => (_addresses, _sizes, _names) = (addresses, sizes, names);

    public static readonly ImageSymbols None = new([], [], []);

    public int Count => _names.Length;

    public static ImageSymbols Load(string imagePath)
    {
        try
        {
            var bytes = File.ReadAllBytes(imagePath);
            var section = Elf64.FindSection(bytes, ".nacre_symbols");
            return section is { } s ? Parse(bytes.AsSpan(s.Offset, s.Size)) : None;
        }
        catch (Exception e) when (e is IOException or ArgumentOutOfRangeException or ArgumentException)
        {
            return None;    // names are a convenience: a trace without them is still a trace
        }
    }

    /// <summary>The name of the function containing address (addresses recorded as their low 32 bits), or null.</summary>
    public string? Find(ulong address)
    {
        if (address == 0) return null;
        int i = Array.BinarySearch(_addresses, address);
        if (i < 0) i = ~i - 1;
        if (i < 0) return null;
        ulong size = _sizes[i];
        if (size != 0 ? address - _addresses[i] >= size : i + 1 < _addresses.Length && address >= _addresses[i + 1]) return null;
        return _names[i];
    }

    private static ImageSymbols Parse(ReadOnlySpan<byte> s)
    {
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(s);
        var addresses = new ulong[count];
        var sizes = new ulong[count];
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            var e = s.Slice(8 + i * 16, 16);
            addresses[i] = BinaryPrimitives.ReadUInt64LittleEndian(e);
            int nameOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(e[8..]);
            sizes[i] = BinaryPrimitives.ReadUInt32LittleEndian(e[12..]);
            var rest = s[nameOffset..];
            names[i] = Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)0)]);
        }
        return new ImageSymbols(addresses, sizes, names);
    }
}
