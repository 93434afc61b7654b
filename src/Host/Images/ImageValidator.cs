using System.Buffers.Binary;
using Nacre.Host.Infrastructure;
using Nacre.Hvm.Elf;

namespace Nacre.Host.Images;

/// <summary>
/// Checks that a file is something QEMU's <c>-kernel</c> can boot as a Nacre image before QEMU
/// sees it: QEMU's own complaints about bad images are terse and sometimes silent (a file that
/// is not multiboot is booted as a Linux bzImage and just hangs). Each violation gets its own
/// message naming the file as the user wrote it.
/// </summary>
public static class ImageValidator
{
    /// <summary>Multiboot v1 requires its header within the first 8 KiB, 4-byte aligned.</summary>
    public const int MultibootSearchLimit = 8192;

    public const uint MultibootMagic = 0x1BADB002;

    /// <summary>Throws a <see cref="NacreException"/> describing the first problem found.</summary>
    public static void Validate(string path)
    {
        if (Directory.Exists(path))
            throw new NacreException($"{path} is a directory, not an image");
        if (!File.Exists(path))
            throw new NacreException($"{path} does not exist");

        var error = Check(path, File.ReadAllBytes(path));
        if (error is not null)
            throw new NacreException(error);
    }

    /// <summary>Returns the first problem with the image's bytes, or null if it is bootable.</summary>
    public static string? Check(string name, ReadOnlySpan<byte> image)
    {
        if (!Elf64.HasMagic(image))
            return $"{name} is not an ELF file";
        if (image.Length < 6)
            return $"{name} is truncated ({image.Length} bytes, shorter than an ELF header)";

        switch (Elf64.Class(image))
        {
            case Elf64.Class32: return $"{name} is ELF32, expected ELF64";
            case Elf64.Class64: break;
            default: return $"{name} has an invalid ELF class {image[4]}, expected ELF64";
        }
        if (Elf64.Encoding(image) != Elf64.LittleEndian)
            return $"{name} is not little-endian, expected a little-endian x86-64 image";
        if (image.Length < Elf64.HeaderSize)
            return $"{name} is truncated ({image.Length} bytes, shorter than an ELF64 header)";

        var header = Elf64.Header(image);
        if (header.Machine != Elf64.MachineX86_64)
            return $"{name} is for ELF machine {header.Machine}, expected x86-64 (EM_X86_64 = 62)";

        return CheckSegmentsPresent(name, image, header) ?? CheckMultiboot(name, image);
    }

    /// <summary>A cut-off file still has an intact header; its program headers or segments do not fit.</summary>
    private static string? CheckSegmentsPresent(string name, ReadOnlySpan<byte> image, Elf64Header elf)
    {
        var phOffset = elf.ProgramHeaderOffset;
        var phEntrySize = elf.ProgramHeaderEntrySize;
        var phCount = elf.ProgramHeaderCount;
        var length = (ulong)image.Length;

        if (phCount == 0)
            return null;
        if (phEntrySize < Elf64.ProgramHeaderSize)
            return $"{name} has an invalid program header size {phEntrySize}";
        if (phOffset > length || (ulong)phEntrySize * phCount > length - phOffset)
            return $"{name} is truncated: its program headers end past the end of the file ({length} bytes)";

        for (var i = 0; i < phCount; i++)
        {
            var header = Elf64.ProgramHeader(image, phOffset + (ulong)i * phEntrySize);
            var offset = header.Offset;
            var fileSize = header.FileSize;
            if (offset > length || fileSize > length - offset)
                return $"{name} is truncated: segment {i} ends at byte {offset + fileSize} but the file has {length} bytes";
        }
        return null;
    }

    private static string? CheckMultiboot(string name, ReadOnlySpan<byte> image)
    {
        var limit = Math.Min(image.Length, MultibootSearchLimit);
        var badChecksumAt = -1;
        for (var offset = 0; offset + 12 <= limit; offset += 4)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(image[offset..]) != MultibootMagic)
                continue;
            var flags = BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 4)..]);
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 8)..]);
            if (unchecked(MultibootMagic + flags + checksum) == 0)
                return null;
            badChecksumAt = badChecksumAt < 0 ? offset : badChecksumAt;
        }
        return badChecksumAt >= 0
            ? $"{name} has a multiboot header at offset 0x{badChecksumAt:x} with a bad checksum"
            : $"{name} has no multiboot header in the first 8 KiB";
    }
}
