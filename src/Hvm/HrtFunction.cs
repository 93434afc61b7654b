namespace Nacre.Hvm;

/// <summary>
/// An exported HRT function (<c>[HrtExport]</c>, ELF symbol <c>nacre_export_&lt;Name&gt;</c>) resolved
/// once; invoking it through this object allocates nothing. Every export has the uniform signature
/// <c>long (long, long, long, long)</c>; doubles travel as their bits (<see cref="InvokeDouble"/>).
/// </summary>
public sealed class HrtFunction
{
    /// <summary>For <see cref="InvokeAsync"/>: run on whichever vCPU's mailbox is free first.</summary>
    public const int AnyCpu = -1;

    private readonly Hrt _hrt;

    internal HrtFunction(Hrt hrt, string name, ulong address, bool foreign)
    {
        _hrt = hrt;
        Name = name;
        Address = address;
        IsForeign = foreign;
    }

    /// <summary>
    /// A function of a shared library the guest loaded (the .NET world), called with the C
    /// convention: up to four integer or pointer arguments, an integer or pointer result.
    /// </summary>
    public bool IsForeign { get; }

    public string Name { get; }

    /// <summary>The guest address of the export's wrapper.</summary>
    public ulong Address { get; }

    /// <summary>Calls the function on vCPU <paramref name="cpu"/> and waits for its result.</summary>
    public long Invoke(int cpu, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0) =>
        _hrt.InvokeOn(cpu, this, a0, a1, a2, a3);

    /// <summary>Calls the function with double arguments and a double result (as bit patterns).</summary>
    public double InvokeDouble(int cpu, double a0 = 0, double a1 = 0, double a2 = 0, double a3 = 0) =>
        IsForeign ? throw new NotSupportedException($"{Name} is a shared library's C function: it takes integer and pointer arguments only (pass doubles through the arena)") :
        BitConverter.Int64BitsToDouble(_hrt.InvokeOn(cpu, this,
            BitConverter.DoubleToInt64Bits(a0), BitConverter.DoubleToInt64Bits(a1),
            BitConverter.DoubleToInt64Bits(a2), BitConverter.DoubleToInt64Bits(a3)));

    /// <summary>Posts the call (on <paramref name="cpu"/>, or the first free vCPU for
    /// <see cref="AnyCpu"/>) and returns a task that completes with its result.</summary>
    public Task<long> InvokeAsync(int cpu = AnyCpu, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0) =>
        _hrt.InvokeAsyncOn(cpu, this, a0, a1, a2, a3);

    /// <summary>Calls the function on every vCPU at once; result i is vCPU i's.</summary>
    public long[] InvokeAll(long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0) =>
        _hrt.InvokeAllCpus(this, a0, a1, a2, a3);

    public override string ToString() => $"{Name} at 0x{Address:X}";
}
