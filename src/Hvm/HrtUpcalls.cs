namespace Nacre.Hvm;

/// <summary>
/// A host service that HRT code calls through shared memory (docs/hvm.md, "Upcall page"): the
/// HRT posts requests in the upcall page (GPA 0x8000) and the service completes them, polling the
/// page from a thread of its own or woken by the HRT's doorbell store (hypercall 0x28), which the
/// storing vCPU's host thread delivers to <see cref="Doorbell"/>. Nacre.Mpi's MPI service is one.
/// </summary>
public interface IHrtUpcalls
{
    /// <summary>Called once, after guest RAM is written and before any vCPU runs: lay out the page.</summary>
    void Attach(HrtUpcallContext context);

    /// <summary>The HRT stored <paramref name="value"/> at hypercall 0x28 from vCPU <paramref name="cpu"/>;
    /// runs on that vCPU's host thread while the vCPU waits. Throwing stops the VM with the message.</summary>
    void Doorbell(int cpu, ulong value);

    /// <summary>The VM is being disposed: stop touching the page and the arena before they are unmapped.</summary>
    void Detach();
}

/// <summary>What an upcall service may touch: the upcall page and the arena (host pointers; the
/// arena's are also the HRT's, docs/hvm.md).</summary>
public sealed unsafe class HrtUpcallContext
{
    internal HrtUpcallContext(byte* page, byte* arenaBase, long arenaBytes)
    {
        Page = page;
        ArenaBase = arenaBase;
        ArenaBytes = arenaBytes;
    }

    /// <summary>The upcall page (4 KiB at GPA 0x8000), zero when the service attaches.</summary>
    public byte* Page { get; }

    public byte* ArenaBase { get; }
    public long ArenaBytes { get; }

    /// <summary>True if [address, address + bytes) lies inside the arena.</summary>
    public bool InArena(ulong address, ulong bytes)
    {
        var start = (ulong)ArenaBase;
        var size = (ulong)ArenaBytes;
        return size > 0 && address >= start && address - start <= size && bytes <= size - (address - start);
    }
}
