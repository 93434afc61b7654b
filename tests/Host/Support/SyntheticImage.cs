using System.Buffers.Binary;

namespace Nacre.Host.Tests.Support;

/// <summary>
/// Builds small ELF files byte by byte, valid or broken in one chosen way, so that image
/// validation can be tested without a toolchain. Layout: ELF64 header, one PT_LOAD program
/// header covering the whole file, then (optionally) a multiboot v1 header at offset 128.
/// </summary>
public static class SyntheticImage
{
    public const int MultibootOffset = 128;
    public const int Length = 256;

    public static byte[] Valid() => Build();

    public static byte[] Build(byte elfClass = 2, byte dataEncoding = 1, ushort machine = 62, bool multiboot = true, bool badChecksum = false)
    {
        var image = new byte[Length];
        "\u007fELF"u8.CopyTo(image);
        image[4] = elfClass;
        image[5] = dataEncoding;
        image[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(16), 2);        // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(20), 1);        // e_version
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(32), 64);       // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(52), 64);       // e_ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(54), 56);       // e_phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(56), 1);        // e_phnum

        var ph = image.AsSpan(64);
        BinaryPrimitives.WriteUInt32LittleEndian(ph, 1);                      // PT_LOAD
        BinaryPrimitives.WriteUInt64LittleEndian(ph[8..], 0);                 // p_offset
        BinaryPrimitives.WriteUInt64LittleEndian(ph[32..], Length);           // p_filesz
        BinaryPrimitives.WriteUInt64LittleEndian(ph[40..], Length);           // p_memsz

        if (multiboot)
        {
            const uint magic = 0x1BADB002, flags = 0x00010000;
            var checksum = unchecked(0u - magic - flags) + (badChecksum ? 1u : 0u);
            var header = image.AsSpan(MultibootOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(header, magic);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], flags);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], checksum);
        }
        return image;
    }

    /// <summary>Writes <paramref name="bytes"/> to a fresh temporary file and returns its path.</summary>
    public static string Write(string fileName, byte[] bytes)
    {
        var directory = Directory.CreateTempSubdirectory("nacre-image-");
        var path = Path.Combine(directory.FullName, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
