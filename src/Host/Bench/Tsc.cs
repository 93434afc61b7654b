using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Nacre.Host.Bench;

/// <summary>
/// The TSC from .NET: the same rdtsc instruction the kernel and the C baseline use, so that all
/// three sources are in the same unit from the same clock. .NET has no rdtsc intrinsic; this maps
/// one executable page holding `rdtsc; shl rdx,32; or rax,rdx; ret` and calls it through an
/// unmanaged function pointer without a GC transition (a plain call: ~the cost of rdtsc itself).
/// </summary>
public static unsafe class Tsc
{
    private static readonly delegate* unmanaged[SuppressGCTransition]<ulong> s_read = Create();

    /// <summary>True when the rdtsc stub could be mapped (x86-64 Linux).</summary>
    public static bool Available => s_read != null;

    public static long Now => (long)s_read();

    private static delegate* unmanaged[SuppressGCTransition]<ulong> Create()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64 || !OperatingSystem.IsLinux())
            return null;
        ReadOnlySpan<byte> code = [0x0F, 0x31, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];
        const int ProtRead = 1, ProtWrite = 2, ProtExec = 4, MapPrivate = 2, MapAnonymous = 0x20;
        var page = Mmap(0, 4096, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (page == -1 || page == 0)
            return null;
        code.CopyTo(new Span<byte>((void*)page, code.Length));
        if (Mprotect(page, 4096, ProtRead | ProtExec) != 0)
            return null;
        return (delegate* unmanaged[SuppressGCTransition]<ulong>)page;
    }

    /// <summary>TSC ticks per second, measured against the monotonic clock over the given time.</summary>
    public static double MeasureHz(TimeSpan window)
    {
        var s0 = Stopwatch.GetTimestamp();
        var t0 = Now;
        while (Stopwatch.GetElapsedTime(s0) < window) { }
        var t1 = Now;
        var s1 = Stopwatch.GetTimestamp();
        return (t1 - t0) * (double)Stopwatch.Frequency / (s1 - s0);
    }

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static extern int Mprotect(nint address, nuint length, int protection);
}
