using System.Runtime.InteropServices;
using Nacre.Host.Tests.Support;
using Nacre.Abi;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The guest RAM the VMM prepares (BootStructures on freshly mapped memory, docs/hvm.md): the
/// image's bytes and the VMM's structures are where the guest expects them, and nothing else
/// is touched — a first touch is a page fault, so .bss, unused page-table pages and the rest of
/// RAM must stay non-resident until the guest uses them. No KVM needed.
/// </summary>
public sealed unsafe partial class GuestRamTests
{
    private const long Ram = 64 * HrtOptions.MiB;
    private const ulong Page = 4096;

    // A 64 KiB code segment and a 1 MiB .bss after it.
    private static HrtImage Image()
    {
        var builder = new HrtElfBuilder();
        builder.Segments.Clear();
        builder.Segments.Add(new(HrtElfBuilder.Base, 0x1_0000, 0x1_0000));
        builder.Segments.Add(new(HrtElfBuilder.Base + 0x1_0000, 0, 0x10_0000, HrtElfBuilder.Rw));
        var bytes = builder.Build();
        for (int i = 0x1000; i < 0x1000 + 0x1_0000; i++) bytes[i] = (byte)(i * 7 + 1);
        return HrtImage.Parse("synthetic.elf", bytes);
    }

    private static (HostMemory Ram, GuestLayout Layout) Prepare(HrtImage image, int cpus = 2)
    {
        var ram = HostMemory.Map((ulong)Ram, 2 * (ulong)HrtOptions.MiB, "guest RAM");
        var layout = GuestLayout.Plan(image, cpus, Ram);
        var parameters = new BootParameters(cpus, true, false, true, 2_000_000, 0x7f00_0000_0000, 2 * (ulong)HrtOptions.MiB, "a b");
        BootStructures.Write(ram.Pointer, layout, image, parameters, []);
        return (ram, layout);
    }

    [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static partial int Mincore(void* address, nuint length, byte* vector);

    private static bool[] Resident(HostMemory ram)
    {
        var pages = (int)(ram.Bytes / Page);
        var vector = new byte[pages];
        fixed (byte* v = vector)
            Assert.Equal(0, Mincore(ram.Pointer, (nuint)ram.Bytes, v));
        return [.. vector.Select(b => (b & 1) != 0)];
    }

    [Fact]
    public void ImageAndStructuresAreWhereTheGuestLooks()
    {
        var image = Image();
        var (ram, layout) = Prepare(image);
        using var _ = ram;
        var p = ram.Pointer;
        var segment = image.Segments[0];
        Assert.True(image.FileBytes(segment).SequenceEqual(new ReadOnlySpan<byte>(p + segment.Physical, (int)segment.FileBytes)), "code at its physical address");
        Assert.True(new ReadOnlySpan<byte>(p + image.Segments[1].Physical, (int)image.Segments[1].MemoryBytes).IndexOfAnyExcept((byte)0) < 0, ".bss reads as zero");
        Assert.Equal(BootInfoHeader.ExpectedMagic, *(ulong*)(p + GuestPhysical.BootInfoAddress));
        Assert.Equal(GuestPhysical.TimelineAddress, *(ulong*)(p + GuestPhysical.BootInfoAddress + 0x78));
        Assert.Equal(0UL, *(ulong*)(p + GuestPhysical.TimelineAddress));
        Assert.Equal(0L, ((long*)(p + GuestPhysical.MailboxBase))[7]);                  // Done of vCPU 0's mailbox
        Assert.Equal(layout.RingZeroStackTop(1), *(ulong*)(p + GuestLayout.TssAddress(1) + 4));
        Assert.Equal("a b", Marshal.PtrToStringAnsi((nint)(p + GuestPhysical.CommandLineAddress)));
        // The identity map's PD entry for 2 MiB: that address, 2 MiB page, present, writable, user.
        var pml4 = (ulong*)(p + GuestPhysical.PageTablesBase);
        var pdpt = (ulong*)(p + (pml4[0] & ~0xFFFUL));
        var pd = (ulong*)(p + (pdpt[0] & ~0xFFFUL));
        Assert.Equal(0x20_0000UL | 0x87, pd[1]);
    }

    [Fact]
    public void OnlyThePagesThatHoldSomethingAreTouched()
    {
        var image = Image();
        var (ram, layout) = Prepare(image);
        using var _ = ram;
        var resident = Resident(ram);
        int Count(ulong from, ulong to) => resident.Skip((int)(from / Page)).Take((int)((to - from) / Page)).Count(r => r);

        var bss = image.Segments[1];
        Assert.Equal(0, Count(bss.Physical, bss.End));                                  // .bss: the fresh zeroes
        Assert.Equal(0, Count(layout.StacksBase, layout.StacksEnd));                    // stacks
        Assert.Equal(0, Count(layout.ModulesEnd + Page, (ulong)Ram));                   // free RAM
        Assert.Equal(16, Count(image.Segments[0].Physical, image.Segments[0].End));     // the code, 64 KiB
        // VMM structures: GDT, boot info, TSS page, mailbox page, timeline page (untouched: the
        // fresh zeroes say "no stamp"), and the page tables in use (PML4, PDPT, 4 PDs for 4 GiB, and
        // the arena's PDPT + PD) — not all 16 pages at 0x10000.
        var structures = Count(0, GuestPhysical.VmmStructuresEnd);
        Assert.InRange(structures, 8, 13);
        Assert.Equal(8, Count(GuestPhysical.PageTablesBase, GuestPhysical.PageTablesEnd));
    }

    [Fact]
    public void AThousandPreparationsGiveTheirMemoryBack()
    {
        var image = Image();
        Prepare(image).Ram.Dispose();
        var before = ProcessResources.Settled();
        for (var i = 0; i < 1000; i++)
        {
            var (ram, _) = Prepare(image, cpus: 1 + i % 4);
            ram.Pointer[layoutProbe] = 1; // a page the guest would have touched
            ram.Dispose();
        }
        var after = ProcessResources.Settled();
        // 1,000 × 64 MiB mapped, ~100 KiB resident each: a leak would be 64 GiB of mappings and 100 MiB RSS.
        Assert.InRange(after.Mappings, 0, before.Mappings + 16);
        Assert.InRange(after.RssKiB, 0, before.RssKiB + 32 * 1024);
        Assert.Equal(before.Fds, after.Fds);
    }

    private const ulong layoutProbe = 32 * 1024 * 1024;
}
