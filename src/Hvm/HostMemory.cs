using System.Runtime.InteropServices;
using Nacre.Hvm.Kvm;

namespace Nacre.Hvm;

/// <summary>An anonymous private mapping of this process (guest RAM or the arena), unmapped on Dispose.</summary>
internal sealed unsafe class HostMemory : IDisposable
{
    private HostMemory(byte* pointer, ulong bytes)
    {
        Pointer = pointer;
        Bytes = bytes;
    }

    public byte* Pointer { get; private set; }
    public ulong Bytes { get; }

    /// <summary>Maps <paramref name="bytes"/> of zeroed memory aligned to <paramref name="alignment"/>
    /// (a power of two, at least a page): it over-allocates and unmaps the unaligned ends. No swap is
    /// reserved (MAP_NORESERVE): pages cost nothing until touched.</summary>
    public static HostMemory Map(ulong bytes, ulong alignment, string what)
    {
        var total = bytes + alignment;
        var raw = (byte*)Libc.Mmap(null, (nuint)total, Libc.PROT_READ | Libc.PROT_WRITE,
            Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_NORESERVE, -1, 0);
        if (raw == Libc.MapFailed)
            throw new HrtException($"cannot map 0x{bytes:X} bytes for {what}: {Libc.Errno(Marshal.GetLastPInvokeError())}");
        var aligned = (byte*)(((ulong)raw + alignment - 1) & ~(alignment - 1));
        var head = (ulong)(aligned - raw);
        if (head > 0)
            Libc.Munmap(raw, (nuint)head);
        var tail = total - head - bytes;
        if (tail > 0)
            Libc.Munmap(aligned + bytes, (nuint)tail);
        return new HostMemory(aligned, bytes);
    }

    public void Dispose()
    {
        if (Pointer != null)
        {
            Libc.Munmap(Pointer, (nuint)Bytes);
            Pointer = null;
        }
    }
}
