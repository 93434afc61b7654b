using Nacre.Abi;
using static Nacre.Abi.GuestPhysical;

namespace Nacre.Hvm;

/// <summary>
/// The guest-physical layout of docs/hvm.md: where the stacks and modules go for a given image and
/// vCPU count. The fixed addresses the kernel relies on too are Nacre.Abi.GuestPhysical's.
/// </summary>
internal sealed class GuestLayout
{
    public const ulong TssLimit = 0x67;
    public const ulong LapicAddress = 0xFEE0_0000;
    public const ulong IdentityMapEnd = 0x1_0000_0000;
    /// <summary>Where KVM_SET_TSS_ADDR puts the three pages Intel's real-mode emulation needs (as QEMU does).</summary>
    public const ulong KvmTssAddress = 0xFFFB_D000;

    public const ulong RingZeroStackBytes = 16 * 1024, BootStackBytes = 256 * 1024;
    public const ulong StackBytesPerCpu = RingZeroStackBytes + BootStackBytes;

    private GuestLayout(ulong imageStart, ulong stacksBase, int cpus, ulong memoryBytes, ulong[] moduleStarts, ulong modulesEnd)
    {
        ImageStart = imageStart;
        StacksBase = stacksBase;
        Cpus = cpus;
        MemoryBytes = memoryBytes;
        ModuleStarts = moduleStarts;
        ModulesEnd = modulesEnd;
    }

    public ulong ImageStart { get; }
    public ulong StacksBase { get; }
    public int Cpus { get; }
    public ulong MemoryBytes { get; }
    public ulong StacksEnd => StacksBase + (ulong)Cpus * StackBytesPerCpu;

    /// <summary>Where each module's bytes go (page-aligned, after the stacks), and the end of the last.</summary>
    public IReadOnlyList<ulong> ModuleStarts { get; }
    public ulong ModulesEnd { get; }

    public static ulong TssAddress(int cpu) => TssBase + (ulong)cpu * TssStride;
    public static ushort TssSelector(int cpu) => (ushort)(FirstTss + 16 * cpu);
    public static ulong MailboxAddress(int cpu) => MailboxBase + (ulong)cpu * MailboxStride;

    public ulong RingZeroStackTop(int cpu) => StacksBase + (ulong)cpu * StackBytesPerCpu + RingZeroStackBytes;
    public ulong BootStackTop(int cpu) => StacksBase + (ulong)(cpu + 1) * StackBytesPerCpu;

    /// <summary>Places the stacks after the image and the modules after the stacks, or says why they do not fit.</summary>
    public static GuestLayout Plan(HrtImage image, int cpus, long memoryBytes, IReadOnlyList<long>? moduleBytes = null)
    {
        // UInt128: a segment near the top of the address space must not wrap the sum.
        var imageEnd = ((UInt128)image.Segments.Max(s => s.End) + 0xFFF) & ~(UInt128)0xFFF;
        var needs = imageEnd + (UInt128)cpus * StackBytesPerCpu;
        if (needs > (ulong)memoryBytes)
            throw new HrtImageException(image.Path,
                $"image needs 0x{needs:X} bytes but the guest has 0x{memoryBytes:X} (the image ends at 0x{imageEnd:X}; " +
                $"each of {cpus} vCPU(s) needs 0x{StackBytesPerCpu:X} bytes of stacks after it)");
        var starts = new List<ulong>();
        var next = needs;
        foreach (var bytes in moduleBytes ?? [])
        {
            starts.Add((ulong)next);
            next = (next + (UInt128)bytes + 0xFFF) & ~(UInt128)0xFFF;
        }
        // The kernel needs room of its own beside the modules: at least an eighth of the guest.
        if (starts.Count > 0 && next + (UInt128)memoryBytes / 8 > (ulong)memoryBytes)
            throw new HrtException($"the modules (0x{next - needs:X} bytes) leave too little of the guest's 0x{memoryBytes:X} bytes of RAM for the kernel; give it more memory");
        return new GuestLayout(image.Start, (ulong)imageEnd, cpus, (ulong)memoryBytes, [.. starts], (ulong)next);
    }

    /// <summary>The memory map for the boot info: RAM available except the VMM's structures, the
    /// image and the stacks.</summary>
    public IReadOnlyList<(ulong Base, ulong Length, uint Type)> MemoryMap()
    {
        const uint available = MemoryMapEntry.Available, reserved = MemoryMapEntry.Reserved;
        var map = new List<(ulong, ulong, uint)> { (0, VmmStructuresEnd, reserved) };
        if (ImageStart > VmmStructuresEnd)
            map.Add((VmmStructuresEnd, ImageStart - VmmStructuresEnd, available));
        // Modules stay reserved: the kernel reads them after its allocators own the rest.
        map.Add((ImageStart, ModulesEnd - ImageStart, reserved));
        if (MemoryBytes > ModulesEnd)
            map.Add((ModulesEnd, MemoryBytes - ModulesEnd, available));
        return map;
    }
}
