using Nacre.Host.Tests.Support;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The VMM's ELF validation: each malformed image is rejected with its own exact message, before
/// any VM exists (so these run without KVM).
/// </summary>
public sealed class HrtImageTests
{
    private const string Name = "test.elf";

    private static HrtImageException Rejected(HrtElfBuilder builder) => Rejected(builder.Build());

    private static HrtImageException Rejected(byte[] bytes) =>
        Assert.Throws<HrtImageException>(() => HrtImage.Parse(Name, bytes));

    private static void AssertProblem(string expected, HrtImageException error)
    {
        Assert.Equal(expected, error.Problem);
        Assert.Equal($"{Name}: {expected}", error.Message);
    }

    [Fact]
    public void ValidImageYieldsItsSegmentsEntryAndExports()
    {
        var image = HrtImage.Parse(Name, new HrtElfBuilder().Build());

        Assert.Equal(0x10_0010UL, image.HvmEntry);
        Assert.Equal(0x10_0000UL, image.ElfEntry);
        Assert.Equal(0x10_0000UL, image.Start);
        Assert.Equal([0x10_0000UL, 0x10_1000UL], image.Segments.Select(s => s.Physical));
        Assert.Equal(new Dictionary<string, ulong> { ["Add"] = 0x10_0020 }, image.Exports);
    }

    [Fact]
    public void NotAnElfFile() =>
        AssertProblem("not an ELF file (it does not start with 0x7F 'ELF')", Rejected("#!/bin/sh\necho hi\n"u8.ToArray()));

    [Fact]
    public void FileShorterThanTheHeader() =>
        AssertProblem("image is truncated: the file's 0x20 bytes are shorter than an ELF64 header (0x40)",
            Rejected(new HrtElfBuilder().Build()[..32]));

    [Fact]
    public void WrongClass() =>
        AssertProblem("wrong class 1 (ELF32): an HRT image must be ELF64 (2)", Rejected(new HrtElfBuilder { Class = 1 }));

    [Fact]
    public void BigEndian() =>
        AssertProblem("wrong data encoding 2 (big-endian): an HRT image must be little-endian (1)", Rejected(new HrtElfBuilder { DataEncoding = 2 }));

    [Fact]
    public void WrongMachine() =>
        AssertProblem("wrong machine 0x28 (EM_ARM): an HRT image must be x86-64 (62)", Rejected(new HrtElfBuilder { Machine = 40 }));

    [Fact]
    public void SharedObjectIsNotAnExecutable() =>
        AssertProblem("wrong type 3 (ET_DYN): an HRT image must be an executable (ET_EXEC, 2)", Rejected(new HrtElfBuilder { Type = 3 }));

    [Fact]
    public void TruncatedProgramHeaders()
    {
        // Three segments without file bytes; the file ends 20 bytes into the third program header.
        var builder = new HrtElfBuilder { Sections = false };
        builder.Segments.Clear();
        builder.Segments.AddRange([new(0x10_0000, 0, 0x1000), new(0x10_1000, 0, 0x1000), new(0x10_2000, 0, 0x1000)]);
        var bytes = builder.Build()[..(64 + 56 * 2 + 20)];

        AssertProblem("image is truncated: program header 2 ends at 0xE8 beyond the file's 0xC4 bytes", Rejected(bytes));
    }

    [Fact]
    public void SegmentBytesBeyondTheFile()
    {
        var bytes = new HrtElfBuilder { Sections = false }.Build();

        AssertProblem("image is truncated: segment 0's bytes 0x1000–0x1100 lie beyond the file's 0x1080 bytes", Rejected(bytes[..0x1080]));
    }

    [Fact]
    public void MoreFileBytesThanMemoryBytes()
    {
        var builder = new HrtElfBuilder();
        builder.Segments[0] = new(0x10_0000, 0x100, 0x80);

        AssertProblem("segment 0 has 0x100 bytes in the file but only 0x80 in memory", Rejected(builder));
    }

    [Fact]
    public void OverlappingSegments()
    {
        var builder = new HrtElfBuilder();
        builder.Segments[1] = new(0x10_0080, 0, 0x1000, HrtElfBuilder.Rw);

        AssertProblem("segments 0 and 1 overlap at 0x100080", Rejected(builder));
    }

    [Fact]
    public void SegmentBelowOneMebibyte()
    {
        var builder = new HrtElfBuilder();
        builder.Segments[1] = new(0x1_0000, 0, 0x1000, HrtElfBuilder.Rw);

        AssertProblem("segment 1 at 0x10000 lies below 1 MiB (0x100000), where the VMM keeps its own structures", Rejected(builder));
    }

    [Fact]
    public void HigherHalfLinkedSegment()
    {
        var builder = new HrtElfBuilder();
        builder.Segments[0] = new(0x10_0000, 0x100, 0x100) { Virtual = 0xFFFF_FFFF_8010_0000 };

        AssertProblem("segment 0 is linked at virtual 0xFFFFFFFF80100000 but loads at physical 0x100000: the HVM identity-maps the image, so they must be equal", Rejected(builder));
    }

    [Fact]
    public void EntryOutsideEverySegment() =>
        AssertProblem("entry point 0x200000 is outside every loaded segment", Rejected(new HrtElfBuilder { Entry = 0x20_0000 }));

    [Fact]
    public void EntryInADataSegment() =>
        AssertProblem("entry point 0x101000 is in segment 1, which is not executable", Rejected(new HrtElfBuilder { Entry = 0x10_1000 }));

    [Fact]
    public void MissingHvmEntrySymbol()
    {
        var builder = new HrtElfBuilder();
        builder.Symbols.RemoveAt(0);

        AssertProblem("not an HRT image: no nacre_hvm_entry symbol (was it built with Nacre's HVM support?)", Rejected(builder));
    }

    [Fact]
    public void HvmEntryOutsideTheImage()
    {
        var builder = new HrtElfBuilder();
        builder.Symbols[0] = ("nacre_hvm_entry", 0x30_0000);

        AssertProblem("nacre_hvm_entry 0x300000 is outside every loaded segment", Rejected(builder));
    }

    [Fact]
    public void ExportInADataSegment()
    {
        var builder = new HrtElfBuilder();
        builder.Symbols.Add(("nacre_export_Data", 0x10_1800));

        AssertProblem("export nacre_export_Data 0x101800 is in segment 1, which is not executable", Rejected(builder));
    }

    [Fact]
    public void StrippedImage() =>
        AssertProblem("image has no section headers, so no symbol table: the HVM needs its nacre_hvm_entry and nacre_export_* symbols (was it stripped?)",
            Rejected(new HrtElfBuilder { Sections = false }));

    [Fact]
    public void ImageTooLargeForGuestMemory()
    {
        // 2 MiB of RAM: the image ends at 0x2F1000, then 2 vCPUs need 0x44000 bytes of stacks each.
        // Checked before KVM is opened, so this runs anywhere.
        var builder = new HrtElfBuilder();
        builder.Segments[1] = new(0x10_1000, 0, 0x1F_0000, HrtElfBuilder.Rw);
        var path = SyntheticImage.Write(Name, builder.Build());
        var options = new HrtOptions { Cpus = 2, MemoryBytes = 2 * HrtOptions.MiB };

        var error = Assert.Throws<HrtImageException>(() => Hrt.Start(path, options));

        Assert.Equal($"{path}: image needs 0x379000 bytes but the guest has 0x200000 (the image ends at 0x2F1000; each of 2 vCPU(s) needs 0x44000 bytes of stacks after it)", error.Message);
    }

    [Fact]
    public void MissingFile()
    {
        var error = Assert.Throws<HrtImageException>(() => HrtImage.Load("/nonexistent/hrt.elf"));

        Assert.Equal("/nonexistent/hrt.elf: does not exist", error.Message);
    }
}
