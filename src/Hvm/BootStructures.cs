using System.Text;

namespace Nacre.Hvm;

/// <summary>A module's name and contents, read from the host before boot.</summary>
internal sealed record LoadedModule(string Name, byte[] Bytes);

/// <summary>What goes into the boot info besides the layout.</summary>
internal readonly record struct BootParameters(
    int Cpus, bool Deprivileged, bool Halt, bool Serve, ulong TscKhz, ulong ArenaVirtual, ulong ArenaBytes, string CommandLine);

/// <summary>
/// Writes the VMM's structures into guest RAM exactly as docs/hvm.md lays them out: GDT, TSSs,
/// page tables, boot info (memory map, command line), zeroed mailboxes, and the image itself.
/// The RAM must be freshly mapped, hence zero: nothing is cleared, so that only the pages that
/// hold something are touched (each first touch is a page fault; the image's .bss, the unused
/// page-table pages and the rest of RAM stay untouched until the guest uses them).
/// </summary>
internal static unsafe class BootStructures
{
    /// <summary>KVM's in-kernel LAPIC timer ticks at 1 GHz.</summary>
    public const ulong ApicTimerHz = 1_000_000_000;

    private const ulong Present = 1, Writable = 2, User = 4, LargePage = 0x80;
    private const ulong TableFlags = Present | Writable | User;
    private const ulong TwoMiB = 2 * 1024 * 1024;

    public static void Write(byte* ram, GuestLayout layout, HrtImage image, in BootParameters parameters, IReadOnlyList<LoadedModule> modules)
    {
        LoadImage(ram, image);
        WriteModules(ram, layout, modules);
        WriteGdt(ram, parameters.Cpus);
        for (var cpu = 0; cpu < parameters.Cpus; cpu++)
            WriteTss(ram, cpu, layout.RingZeroStackTop(cpu));
        WritePageTables(ram, parameters.ArenaVirtual, parameters.ArenaBytes);
        WriteBootInfo(ram, layout, parameters, modules);
    }

    private static void LoadImage(byte* ram, HrtImage image)
    {
        foreach (var segment in image.Segments)
        {
            // The rest of the segment (.bss) is the fresh RAM's zeroes.
            image.FileBytes(segment).CopyTo(new Span<byte>(ram + segment.Physical, checked((int)segment.FileBytes)));
        }
    }

    /// <summary>Each module's bytes at its planned address, and the table that lists them.</summary>
    private static void WriteModules(byte* ram, GuestLayout layout, IReadOnlyList<LoadedModule> modules)
    {
        var name = GuestPhysical.ModuleNamesAddress;
        for (var i = 0; i < modules.Count; i++)
        {
            var start = layout.ModuleStarts[i];
            modules[i].Bytes.CopyTo(new Span<byte>(ram + start, modules[i].Bytes.Length));
            var entry = (ModuleEntry*)(ram + GuestPhysical.ModuleTableAddress) + i;
            entry->Physical = start;
            entry->Bytes = (ulong)modules[i].Bytes.Length;
            entry->NameAddress = name;
            var written = Encoding.ASCII.GetBytes(modules[i].Name, new Span<byte>(ram + name, GuestPhysical.MaxModuleNameLength));
            ram[name + (ulong)written] = 0;
            name += (ulong)written + 1;
        }
    }

    private static void WriteGdt(byte* ram, int cpus)
    {
        var gdt = (ulong*)(ram + GuestPhysical.GdtAddress);
        gdt[0] = 0;
        gdt[GuestPhysical.KernelCode / 8] = 0x00AF_9B00_0000_FFFF; // 64-bit code, DPL 0, accessed
        gdt[GuestPhysical.KernelData / 8] = 0x00CF_9300_0000_FFFF; // data, DPL 0
        gdt[GuestPhysical.UserData / 8] = 0x00CF_F300_0000_FFFF;   // data, DPL 3
        gdt[GuestPhysical.UserCode / 8] = 0x00AF_FB00_0000_FFFF;   // 64-bit code, DPL 3
        for (var cpu = 0; cpu < cpus; cpu++)
        {
            var tss = GuestLayout.TssAddress(cpu);
            var descriptor = gdt + GuestLayout.TssSelector(cpu) / 8;
            // 16-byte system descriptor: limit, base, type 0xB (busy 64-bit TSS, as TR holds it), present.
            descriptor[0] = (GuestLayout.TssLimit & 0xFFFF)
                | ((tss & 0xFF_FFFF) << 16)
                | (0xBUL << 40)
                | (1UL << 47)
                | (((GuestLayout.TssLimit >> 16) & 0xF) << 48)
                | (((tss >> 24) & 0xFF) << 56);
            descriptor[1] = tss >> 32;
        }
    }

    public static ushort GdtLimit(int cpus) => (ushort)(GuestPhysical.FirstTss + 16 * cpus - 1);

    private static void WriteTss(byte* ram, int cpu, ulong ringZeroStackTop)
    {
        var tss = ram + GuestLayout.TssAddress(cpu);
        *(ulong*)(tss + 4) = ringZeroStackTop;                       // RSP0
        // IST1 (#DF) and IST2 (interrupts in ring-0 mode, docs/hvm.md): the same stack, which
        // ring-0 mode does not otherwise use.
        *(ulong*)(tss + 36) = ringZeroStackTop;
        *(ulong*)(tss + 44) = ringZeroStackTop;
        *(ushort*)(tss + 0x66) = (ushort)(GuestLayout.TssLimit + 1); // I/O bitmap base past the limit: none
    }

    /// <summary>Identity-maps 0–4 GiB and maps the arena's host VA range to its GPA range, all with
    /// user-accessible writable 2 MiB pages. Tables come from the 16 pages at 0x10000.</summary>
    private static void WritePageTables(byte* ram, ulong arenaVirtual, ulong arenaBytes)
    {
        var next = GuestPhysical.PageTablesBase + 0x1000; // the PML4 is the first page

        ulong Child(ulong table, int index)
        {
            var entry = (ulong*)(ram + table) + index;
            if ((*entry & Present) != 0)
                return *entry & 0x000F_FFFF_FFFF_F000;
            if (next >= GuestPhysical.PageTablesEnd)
                throw new HrtException($"the arena at 0x{arenaVirtual:X} (0x{arenaBytes:X} bytes) needs more page tables than fit at 0x{GuestPhysical.PageTablesBase:X}–0x{GuestPhysical.PageTablesEnd - 1:X}");
            var page = next;
            next += 0x1000;
            *entry = page | TableFlags;
            return page;
        }

        void Map(ulong virtualAddress, ulong physical)
        {
            var pdpt = Child(GuestPhysical.PageTablesBase, (int)((virtualAddress >> 39) & 0x1FF));
            var pd = Child(pdpt, (int)((virtualAddress >> 30) & 0x1FF));
            ((ulong*)(ram + pd))[(virtualAddress >> 21) & 0x1FF] = physical | TableFlags | LargePage;
        }

        for (ulong address = 0; address < GuestLayout.IdentityMapEnd; address += TwoMiB)
            Map(address, address);
        for (ulong offset = 0; offset < arenaBytes; offset += TwoMiB)
            Map(arenaVirtual + offset, GuestPhysical.ArenaPhysical + offset);
    }

    private static void WriteBootInfo(byte* ram, GuestLayout layout, in BootParameters p, IReadOnlyList<LoadedModule> modules)
    {
        var info = (BootInfoHeader*)(ram + GuestPhysical.BootInfoAddress);
        var map = layout.MemoryMap();
        var flags = (p.Deprivileged ? BootFlags.Deprivileged : 0) | (p.Halt ? BootFlags.HaltWhenIdle : 0) | (p.Serve ? BootFlags.Serve : 0);

        info->Magic = BootInfoHeader.ExpectedMagic;
        info->Version = BootInfoHeader.CurrentVersion;
        info->CpuCount = (uint)p.Cpus;
        info->Flags = flags;
        info->MemoryMapCount = (uint)map.Count;
        info->MemoryMapAddress = GuestPhysical.MemoryMapAddress;
        info->TscKhz = p.TscKhz;
        info->ArenaPhysical = p.ArenaBytes > 0 ? GuestPhysical.ArenaPhysical : 0;
        info->ArenaVirtual = p.ArenaVirtual;
        info->ArenaBytes = p.ArenaBytes;
        info->CommandLineAddress = GuestPhysical.CommandLineAddress;
        info->MailboxAddress = GuestPhysical.MailboxBase;
        info->HypercallAddress = GuestPhysical.HypercallAddress;
        info->ApicTimerHz = ApicTimerHz;
        info->ModuleCount = (uint)modules.Count;
        info->ModuleTableAddress = GuestPhysical.ModuleTableAddress;
        info->WallClockNs = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        info->TimelineAddress = GuestPhysical.TimelineAddress;

        var entry = (MemoryMapEntry*)(ram + GuestPhysical.MemoryMapAddress);
        foreach (var (start, length, type) in map)
        {
            entry->Base = start;
            entry->Length = length;
            entry->Type = type;
            entry->Zero = 0;
            entry++;
        }

        var commandLine = new Span<byte>(ram + GuestPhysical.CommandLineAddress, GuestPhysical.MaxCommandLineLength + 1);
        var written = Encoding.ASCII.GetBytes(p.CommandLine, commandLine);
        commandLine[written] = 0;
    }
}
