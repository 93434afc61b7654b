namespace Nacre.Hvm;

/// <summary>
/// Memory shared by the process and the HRT at the same virtual address on both sides: a pointer
/// into the arena means the same thing to host code and to HRT code. A simple thread-safe bump
/// allocator hands out pieces of it; <see cref="Reset"/> frees them all at once. The memory stays
/// valid until the <see cref="Hrt"/> is disposed, even after the VM has stopped.
/// </summary>
public sealed unsafe class Arena
{
    /// <summary>Default alignment of <see cref="Alloc{T}"/>: one cache line.</summary>
    public const int DefaultAlignment = 64;

    private long _used;
    private byte* _base;

    internal Arena(byte* basePointer, long size)
    {
        _base = basePointer;
        Size = size;
    }

    /// <summary>The arena's first byte (host and guest virtual address alike).</summary>
    public byte* Base => _base != null || Size == 0 ? _base : throw new ObjectDisposedException(nameof(Hrt), "the HRT (and its arena) has been disposed");

    public long Size { get; }

    /// <summary>Bytes handed out since the last <see cref="Reset"/> (including alignment padding).</summary>
    public long Used => Volatile.Read(ref _used);

    /// <summary>True if <paramref name="pointer"/> points into the arena.</summary>
    public bool Contains(void* pointer) => (byte*)pointer >= _base && (byte*)pointer < _base + Size;

    /// <summary>Allocates <paramref name="count"/> zero-or-garbage Ts (memory is zero the first time
    /// it is used and keeps old contents after a <see cref="Reset"/>).</summary>
    public T* Alloc<T>(long count, int alignment = DefaultAlignment) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "must be a power of two");
        var basePointer = Base;
        var bytes = checked(count * sizeof(T));
        while (true)
        {
            var used = Volatile.Read(ref _used);
            var start = (used + alignment - 1) & ~(long)(alignment - 1);
            if (start > Size || bytes > Size - start)
                throw new InvalidOperationException($"the arena has 0x{Size - Math.Min(start, Size):X} of its 0x{Size:X} bytes left; 0x{bytes:X} were asked for");
            if (Interlocked.CompareExchange(ref _used, start + bytes, used) == used)
                return (T*)(basePointer + start);
        }
    }

    /// <summary>Allocates <paramref name="count"/> Ts and returns them as a span.</summary>
    public Span<T> AllocSpan<T>(int count, int alignment = DefaultAlignment) where T : unmanaged =>
        new(Alloc<T>(count, alignment), count);

    /// <summary>Forgets every allocation. Pointers handed out before stay valid memory but will be reused.</summary>
    public void Reset() => Volatile.Write(ref _used, 0);

    internal void Invalidate() => _base = null;
}

/// <summary>How long booting took, from the call to <see cref="Hrt.Boot"/>/<see cref="Hrt.Start"/>.</summary>
public sealed record BootTimings
{
    /// <summary>Until the vCPUs were created, the image loaded and every vCPU thread started.</summary>
    public TimeSpan Setup { get; init; }

    /// <summary>Until the HRT stored "Main is starting" (null if it has not).</summary>
    public TimeSpan? MainStarted { get; init; }

    /// <summary>Until the HRT stored "ready for invoke" (null if it has not).</summary>
    public TimeSpan? Ready { get; init; }

    /// <summary>Every stamped point of the boot in time order: the VMM's set-up steps, then the
    /// guest's stages (docs/hvm.md "Boot timeline"), and "ready (host)" when the host saw ready.</summary>
    public IReadOnlyList<BootMark> Stages { get; init; } = [];

    public override string ToString() =>
        $"setup {Format(Setup)}, Main {Format(MainStarted)}, ready {Format(Ready)}";

    private static string Format(TimeSpan? time) => time is { } t ? $"{t.TotalMicroseconds:F0} µs" : "—";
}
