using System.Buffers.Binary;
using System.Text;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Tracing;

/// <summary>The kernel's event kinds (src/Kernel/Tracing/TraceKind.cs: the same numbers).</summary>
public enum TraceKind : byte
{
    None, ThreadCreate, ThreadStart, Switch, Block, Wake, Exit, IrqEnter, IrqExit, IpiSend, TimerFire,
    IdleEnter, IdleExit, InvokeBegin, InvokeEnd, TaskSpawn, TaskSteal, TaskBegin, TaskEnd, Mark,
}

/// <summary>One recorded event, as the kernel wrote it.</summary>
public readonly record struct TraceEvent(ulong Tsc, TraceKind Kind, uint A, uint B);

/// <summary>One CPU's ring: thread context or interrupt context, oldest event first.</summary>
public sealed record TraceRing(int Cpu, bool Interrupt, ulong Written, IReadOnlyList<TraceEvent> Events)
{
    /// <summary>Events the ring overwrote before the dump (it keeps the newest).</summary>
    public ulong Lost => Written - (ulong)Events.Count;
}

/// <summary>
/// A trace dump as the kernel writes it to COM2 at exit (src/Kernel/Tracing/TraceDump.cs has
/// the layout). Parsing checks every length against the file, so a damaged or truncated dump
/// is an error with a message, never a crash.
/// </summary>
public sealed record TraceFile(int Cpus, ulong TscHz, ulong StartTsc, IReadOnlyList<TraceRing> Rings, IReadOnlyDictionary<uint, string> Names)
{
    public const string Magic = "NACRTRC1", EndMagic = "NACREND1";
    public const uint Version = 1;
    private const int EventBytes = 16, StampBits = 56;

    public static TraceFile Read(string path)
    {
        if (!File.Exists(path))
            throw new NacreException($"no trace dump at {path}");
        return Parse(File.ReadAllBytes(path), path);
    }

    public static TraceFile Parse(byte[] bytes, string what)
    {
        if (bytes.Length == 0)
            throw new NacreException($"{what}: the kernel wrote no trace (it must end through Main's return or Exit; a panic writes none)");
        var r = new Reader(bytes, what);
        if (r.Ascii(8) != Magic)
            throw new NacreException($"{what}: not a Nacre trace dump (no {Magic} magic)");
        var version = r.U32();
        if (version != Version)
            throw new NacreException($"{what}: trace dump version {version}, this nacre reads version {Version}");
        int cpus = (int)r.U32();
        ulong hz = r.U64(), start = r.U64();
        uint ringCount = r.U32(), nameCount = r.U32();
        if (cpus is < 1 or > 256 || ringCount > 512)
            throw new NacreException($"{what}: implausible header ({cpus} CPUs, {ringCount} rings)");
        if (hz == 0)
            throw new NacreException($"{what}: the dump has no TSC frequency");
        var rings = new List<TraceRing>();
        for (uint i = 0; i < ringCount; i++)
        {
            int cpu = (int)r.U32();
            bool interrupt = r.U32() != 0;
            ulong written = r.U64(), count = r.U64();
            if (count > written || count > (ulong)(bytes.Length / EventBytes))
                throw new NacreException($"{what}: ring {i} claims {count} events; the file holds at most {bytes.Length / EventBytes}");
            var events = new TraceEvent[count];
            for (ulong e = 0; e < count; e++)
            {
                ulong stamp = r.U64();
                events[e] = new TraceEvent(stamp & ((1UL << StampBits) - 1), (TraceKind)(stamp >> StampBits), r.U32(), r.U32());
            }
            rings.Add(new TraceRing(cpu, interrupt, written, events));
        }
        var names = new Dictionary<uint, string>();
        for (uint i = 0; i < nameCount; i++)
        {
            uint id = r.U32();
            int length = (int)r.U32();
            names[id] = r.Ascii(length);
        }
        if (r.Ascii(8) != EndMagic)
            throw new NacreException($"{what}: the dump does not end with {EndMagic} (the run ended while it was being written?)");
        return new TraceFile(cpus, hz, start, rings, names);
    }

    private sealed class Reader(byte[] bytes, string what)
    {
        private int _at;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n < 0 || _at + n > bytes.Length)
                throw new NacreException($"{what}: the trace dump is truncated at byte {bytes.Length}");
            var span = bytes.AsSpan(_at, n);
            _at += n;
            return span;
        }

        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
        public string Ascii(int n) => Encoding.ASCII.GetString(Take(n));
    }
}
