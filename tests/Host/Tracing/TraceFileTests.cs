using System.Text;
using System.Text.Json;
using Nacre.Host.Infrastructure;
using Nacre.Host.Tracing;

namespace Nacre.Host.Tests.Tracing;

/// <summary>The dump decoder and the JSON converter on hand-made dumps (no QEMU).</summary>
public sealed class TraceFileTests
{
    private sealed class Dump
    {
        private readonly MemoryStream _bytes = new();
        private readonly BinaryWriter _w;
        public Dump() => _w = new BinaryWriter(_bytes, Encoding.ASCII);

        public Dump Header(int cpus, int rings, int names)
        {
            _w.Write(Encoding.ASCII.GetBytes(TraceFile.Magic));
            _w.Write(TraceFile.Version);
            _w.Write((uint)cpus);
            _w.Write(1_000_000_000UL);      // 1 GHz: a cycle is a nanosecond
            _w.Write(0UL);
            _w.Write((uint)rings);
            _w.Write((uint)names);
            return this;
        }

        public Dump Ring(int cpu, bool interrupt, params (ulong Tsc, TraceKind Kind, uint A, uint B)[] events)
        {
            _w.Write((uint)cpu);
            _w.Write(interrupt ? 1u : 0u);
            _w.Write((ulong)events.Length);
            _w.Write((ulong)events.Length);
            foreach (var e in events)
            {
                _w.Write(((ulong)e.Kind << 56) | e.Tsc);
                _w.Write(e.A);
                _w.Write(e.B);
            }
            return this;
        }

        public Dump Name(uint id, string name)
        {
            _w.Write(id);
            _w.Write((uint)name.Length);
            _w.Write(Encoding.ASCII.GetBytes(name));
            return this;
        }

        public byte[] End()
        {
            _w.Write(Encoding.ASCII.GetBytes(TraceFile.EndMagic));
            return _bytes.ToArray();
        }
    }

    private static byte[] TwoCpus() => new Dump().Header(cpus: 2, rings: 3, names: 2)
        .Ring(0, false,
            (1000, TraceKind.Switch, 100, 7),           // main (100) → a (7)
            (1500, TraceKind.Wake, 8, 1),               // a wakes b on CPU 1
            (2000, TraceKind.Block, 7, 0),
            (2000, TraceKind.Switch, 7, 100))
        .Ring(0, true,
            (1200, TraceKind.IrqEnter, 0xF0, 0),
            (1300, TraceKind.TimerFire, 0, 0),
            (1400, TraceKind.IrqExit, 0xF0, 0))
        .Ring(1, false,
            (1100, TraceKind.IdleEnter, 0, 0),
            (1600, TraceKind.IdleExit, 0, 0),
            (1700, TraceKind.Switch, 200, 8),           // idle 1 (200) → b
            (1800, TraceKind.TaskBegin, 0x40, 0x1234),   // job 0x40 running function 0x1234
            (1900, TraceKind.TaskEnd, 0x40, 0))
        .Name(7, "a").Name(8, "b").End();

    private static List<JsonElement> Convert(byte[] dump)
    {
        var stream = new MemoryStream();
        ChromeTrace.Write(TraceFile.Parse(dump, "test"), ImageSymbols.None, stream, "test");
        using var doc = JsonDocument.Parse(stream.ToArray());
        return doc.RootElement.GetProperty("traceEvents").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void SlicesNestPerCpuAndAWakeFlowsToTheWokenThread()
    {
        var events = Convert(TwoCpus());
        string Describe(JsonElement e) => $"{e.GetProperty("ph").GetString()} {e.GetProperty("name").GetString()} {e.GetProperty("tid").GetInt32()}";
        var cpu0 = events.Where(e => e.GetProperty("ph").GetString() is "B" or "E" && e.GetProperty("tid").GetInt32() == 0).Select(Describe).ToList();
        Assert.Equal(["B a 0", "B irq timer 0", "E irq timer 0", "E a 0", "B thread 100 0", "E thread 100 0"], cpu0);
        var cpu1 = events.Where(e => e.GetProperty("ph").GetString() is "B" or "E" && e.GetProperty("tid").GetInt32() == 1).Select(Describe).ToList();
        Assert.Equal(["B thread 200 1", "B idle 1", "E idle 1", "E thread 200 1", "B b 1", "B task 0x1234 1", "E task 0x1234 1", "E b 1"], cpu1);
        // b still runs when the trace ends: its slice lasts until the last event of any CPU (2000).
        var bEnd = events.Single(e => e.GetProperty("ph").GetString() == "E" && e.GetProperty("name").GetString() == "b");
        Assert.Equal(1.0, bEnd.GetProperty("ts").GetDouble(), 6);

        var s = Assert.Single(events, e => e.GetProperty("ph").GetString() == "s");
        var f = Assert.Single(events, e => e.GetProperty("ph").GetString() == "f");
        Assert.Equal(s.GetProperty("id").GetInt32(), f.GetProperty("id").GetInt32());
        Assert.Equal(0, s.GetProperty("tid").GetInt32());
        Assert.Equal(1, f.GetProperty("tid").GetInt32());
        Assert.Equal(0.7, f.GetProperty("ts").GetDouble(), 6);        // b's start: 1700 − 1000 ns
        Assert.Equal("e", f.GetProperty("bp").GetString());
    }

    [Fact]
    public void ATruncatedDumpIsAnError()
    {
        var dump = TwoCpus();
        var e = Assert.Throws<NacreException>(() => TraceFile.Parse(dump[..(dump.Length - 30)], "cut.dump"));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void AnEmptyOrForeignFileIsAnError()
    {
        Assert.Contains("wrote no trace", Assert.Throws<NacreException>(() => TraceFile.Parse([], "empty")).Message);
        Assert.Contains("not a Nacre trace dump", Assert.Throws<NacreException>(() => TraceFile.Parse(Encoding.ASCII.GetBytes("hello world, not a dump"), "x")).Message);
    }

    [Fact]
    public void AnEndWithoutABeginIsDroppedAndAnOpenSliceIsClosed()
    {
        var dump = new Dump().Header(cpus: 1, rings: 1, names: 0)
            .Ring(0, false,
                (10, TraceKind.IrqExit, 0xF1, 0),        // its enter was overwritten
                (20, TraceKind.TaskBegin, 1, 0))         // the run ended inside it
            .End();
        var slices = Convert(dump).Where(e => e.GetProperty("ph").GetString() is "B" or "E").Select(e => e.GetProperty("ph").GetString()).ToList();
        Assert.Equal(["B", "E"], slices);
    }
}
