using System.Text.Json;

namespace Nacre.Host.Tracing;

/// <summary>What a conversion produced, for the progress line.</summary>
public sealed record ChromeTraceSummary(int Events, int Cpus, int Threads, int Flows, ulong Lost);

/// <summary>
/// Turns a trace dump into Chrome's trace-event JSON (what Perfetto's UI and chrome://tracing
/// open; docs/tracing.md says how to read it). Process 1 is the machine; each CPU is a track
/// (tid = CPU index). On a CPU's track, each run of a thread is a B/E pair named after the
/// thread, with interrupts, idle periods, invokes and runtime tasks as slices nested inside it,
/// and wake-ups, IPIs, timers and spawns as instant events; a flow arrow leads from each wake-up
/// to the woken thread's next start, and from a task's spawn to its start on another CPU (a
/// steal). Every B has its E on the same track, also for slices cut off by the ends of the trace.
/// </summary>
public static class ChromeTrace
{
    public const int Pid = 1;

    private enum Slice { Thread, Irq, Idle, Invoke, Task }

    private sealed record Open(Slice Kind, uint Key, string Name);

    private sealed record Output(double Ts, long Seq, Action<Utf8JsonWriter> Write);

    public static ChromeTraceSummary Write(TraceFile trace, ImageSymbols symbols, Stream destination, string machine)
    {
        var all = trace.Rings.SelectMany(r => r.Events);
        ulong baseTsc = all.Any() ? all.Min(e => e.Tsc) : 0;
        ulong lastTsc = all.Any() ? all.Max(e => e.Tsc) : 0;
        double Us(ulong tsc) => (tsc - baseTsc) * 1e6 / trace.TscHz;
        string ThreadName(uint id) => trace.Names.TryGetValue(id, out var n) && n.Length > 0 ? n : $"thread {id}";
        string Sym(uint address) => symbols.Find(address) ?? $"0x{address:x}";

        var output = new List<Output>();
        long seq = 0;
        void Emit(double ts, Action<Utf8JsonWriter> write) => output.Add(new Output(ts, seq++, write));

        int nextFlow = 1, flows = 0;
        var threadsSeen = new HashSet<uint>();
        var cpusSeen = new SortedSet<int>();

        foreach (var cpu in trace.Rings.Select(r => r.Cpu).Distinct().Order())
        {
            var events = trace.Rings.Where(r => r.Cpu == cpu).SelectMany(r => r.Events).OrderBy(e => e.Tsc).ToList();
            if (events.Count == 0) continue;
            cpusSeen.Add(cpu);
            int tid = cpu;
            var stack = new List<Open>();

            void Begin(double ts, Slice kind, uint key, string name, string category, Action<Utf8JsonWriter>? args = null)
            {
                stack.Add(new Open(kind, key, name));
                Emit(ts, w =>
                {
                    Common(w, "B", name, category, ts, tid);
                    if (args is not null) { w.WriteStartObject("args"); args(w); w.WriteEndObject(); }
                });
            }
            void End(double ts, Open open) => Emit(ts, w => Common(w, "E", open.Name, null, ts, tid));
            void CloseDownTo(double ts, int depth)
            {
                while (stack.Count > depth) { End(ts, stack[^1]); stack.RemoveAt(stack.Count - 1); }
            }
            void EndMatching(double ts, Slice kind, uint? key)
            {
                int i = stack.FindLastIndex(o => o.Kind == kind && (key is null || o.Key == key));
                if (i >= 0) CloseDownTo(ts, i);         // slices opened inside it end with it
            }
            void Instant(double ts, string name, string category, Action<Utf8JsonWriter>? args = null) => Emit(ts, w =>
            {
                Common(w, "i", name, category, ts, tid);
                w.WriteString("s", "t");
                if (args is not null) { w.WriteStartObject("args"); args(w); w.WriteEndObject(); }
            });
            void RunThread(double ts, uint id)
            {
                threadsSeen.Add(id);
                Begin(ts, Slice.Thread, id, ThreadName(id), "thread", w => w.WriteNumber("thread", id));
            }

            // The thread running when the trace begins is the one the first switch leaves.
            int first = events.FindIndex(e => e.Kind is TraceKind.Switch or TraceKind.ThreadStart);
            if (first > 0 && events[first].Kind == TraceKind.Switch) RunThread(Us(events[0].Tsc), events[first].A);

            foreach (var e in events)
            {
                double ts = Us(e.Tsc);
                switch (e.Kind)
                {
                    case TraceKind.Switch:
                        CloseDownTo(ts, 0);
                        RunThread(ts, e.B);
                        break;
                    case TraceKind.ThreadStart:
                        if (!stack.Any(o => o.Kind == Slice.Thread && o.Key == e.A)) { CloseDownTo(ts, 0); RunThread(ts, e.A); }
                        break;
                    case TraceKind.ThreadCreate:
                        threadsSeen.Add(e.A);
                        Instant(ts, $"create {ThreadName(e.A)}", "thread", w =>
                        {
                            w.WriteNumber("thread", e.A);
                            if (e.B != 0) w.WriteString("entry", Sym(e.B));
                        });
                        break;
                    case TraceKind.Block:
                        Instant(ts, "block", "thread");
                        break;
                    case TraceKind.Exit:
                        Instant(ts, "exit", "thread");
                        break;
                    case TraceKind.Wake:
                        Instant(ts, $"wake {ThreadName(e.A)}", "wake", w => { w.WriteNumber("thread", e.A); w.WriteNumber("cpu", e.B); });
                        break;
                    case TraceKind.IrqEnter:
                        Begin(ts, Slice.Irq, e.A, $"irq {VectorName(e.A)}", "irq", w => w.WriteNumber("vector", e.A));
                        break;
                    case TraceKind.IrqExit:
                        EndMatching(ts, Slice.Irq, e.A);
                        break;
                    case TraceKind.IpiSend:
                        Instant(ts, $"ipi {VectorName(e.B)} → {(e.A == uint.MaxValue ? "all other CPUs" : $"CPU {e.A}")}", "ipi", w => { w.WriteNumber("cpu", e.A); w.WriteNumber("vector", e.B); });
                        break;
                    case TraceKind.TimerFire:
                        Instant(ts, $"timer {Sym(e.A)}", "timer");
                        break;
                    case TraceKind.IdleEnter:
                        Begin(ts, Slice.Idle, 0, "idle", "idle");
                        break;
                    case TraceKind.IdleExit:
                        EndMatching(ts, Slice.Idle, null);
                        break;
                    case TraceKind.InvokeBegin:
                        Begin(ts, Slice.Invoke, e.A, $"invoke {Sym(e.A)}", "invoke");
                        break;
                    case TraceKind.InvokeEnd:
                        EndMatching(ts, Slice.Invoke, e.A);
                        break;
                    case TraceKind.TaskSpawn:
                        Instant(ts, "spawn", "task", w => w.WriteNumber("worker", e.B));
                        break;
                    case TraceKind.TaskSteal:
                        Instant(ts, $"steal from worker {e.B}", "task", w => w.WriteNumber("victim", e.B));
                        break;
                    case TraceKind.TaskBegin:
                        Begin(ts, Slice.Task, e.A, $"task {Sym(e.B)}", "task");
                        break;
                    case TraceKind.TaskEnd:
                        EndMatching(ts, Slice.Task, e.A);
                        break;
                    case TraceKind.Mark:
                        Instant(ts, $"mark {e.A} {e.B}", "mark");
                        break;
                }
            }
            // Whatever still runs on this CPU runs until the trace ends (not just its last event).
            CloseDownTo(Us(lastTsc), 0);
        }

        // Flows join two CPUs' tracks, so they are found over all CPUs' events in time order.
        flows += Flows(trace, Us, output, ref seq, ref nextFlow);

        using var w = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("displayTimeUnit", "ns");
        w.WriteStartObject("otherData");
        w.WriteString("machine", machine);
        w.WriteNumber("tsc_hz", trace.TscHz);
        w.WriteNumber("cpus", trace.Cpus);
        w.WriteEndObject();
        w.WriteStartArray("traceEvents");
        Metadata(w, "process_name", 0, "name", $"Nacre ({machine})");
        for (int cpu = 0; cpu < trace.Cpus; cpu++)
        {
            Metadata(w, "thread_name", cpu, "name", $"CPU {cpu}");
            Metadata(w, "thread_sort_index", cpu, "sort_index", cpu);
        }
        foreach (var o in output.OrderBy(o => o.Ts).ThenBy(o => o.Seq))
        {
            o.Write(w);             // starts the event's object (Common) and adds its fields
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return new ChromeTraceSummary(output.Count, cpusSeen.Count, threadsSeen.Count, flows, (ulong)trace.Rings.Sum(r => (long)r.Lost));
    }

    /// <summary>
    /// A wake-up → the woken thread's next start (a switch to it), and a spawn → the task's
    /// start when another CPU stole it. Added after the slices, so that at equal times an
    /// arrow's end comes after the slice it binds to begins.
    /// </summary>
    private static int Flows(TraceFile trace, Func<ulong, double> us, List<Output> output, ref long seq, ref int nextFlow)
    {
        var timeline = trace.Rings.SelectMany(r => r.Events.Select(e => (r.Cpu, Event: e)))
            .Where(x => x.Event.Kind is TraceKind.TaskSpawn or TraceKind.TaskBegin or TraceKind.Wake or TraceKind.Switch)
            .OrderBy(x => x.Event.Tsc);
        var spawned = new Dictionary<uint, (int Cpu, double Ts)>();     // job → its latest spawn
        var woken = new Dictionary<uint, (int Cpu, double Ts)>();       // thread → its pending wake-up
        int count = 0;
        foreach (var (cpu, e) in timeline)
        {
            double ts = us(e.Tsc);
            (int Cpu, double Ts) from;
            string name;
            switch (e.Kind)
            {
                case TraceKind.TaskSpawn: spawned[e.A] = (cpu, ts); continue;
                case TraceKind.Wake: woken[e.A] = (cpu, ts); continue;
                case TraceKind.TaskBegin:
                    if (!spawned.Remove(e.A, out from) || from.Cpu == cpu) continue;
                    name = "steal";
                    break;
                default:    // a switch: the end of the wake-up's arrow, if the thread was woken
                    if (!woken.Remove(e.B, out from)) continue;
                    name = "wake";
                    break;
            }
            int id = nextFlow++;
            count++;
            int toCpu = cpu;
            output.Add(new Output(from.Ts, seq++, w => { Common(w, "s", name, "flow", from.Ts, from.Cpu); w.WriteNumber("id", id); }));
            output.Add(new Output(ts, seq++, w => { Common(w, "f", name, "flow", ts, toCpu); w.WriteNumber("id", id); w.WriteString("bp", "e"); }));
        }
        return count;
    }

    private static void Common(Utf8JsonWriter w, string phase, string name, string? category, double ts, int tid)
    {
        w.WriteStartObject();
        w.WriteString("ph", phase);
        w.WriteString("name", name);
        if (category is not null) w.WriteString("cat", category);
        w.WriteNumber("ts", Math.Round(ts, 3));
        w.WriteNumber("pid", Pid);
        w.WriteNumber("tid", tid);
        // The caller adds its fields; the writing loop ends the object.
    }

    private static void Metadata(Utf8JsonWriter w, string name, int tid, string key, object value)
    {
        w.WriteStartObject();
        w.WriteString("ph", "M");
        w.WriteString("name", name);
        w.WriteNumber("pid", Pid);
        w.WriteNumber("tid", tid);
        w.WriteStartObject("args");
        if (value is int i) w.WriteNumber(key, i); else w.WriteString(key, value.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The kernel's fixed vectors by name (src/Kernel/Irq/Vectors.cs); others by number.</summary>
    public static string VectorName(uint vector) => vector switch
    {
        0xF0 => "timer",
        0xF1 => "kick",
        0xF2 => "event",
        0xF3 => "invoke",
        0xF4 => "tlb shootdown",
        0xF5 => "synchronize",
        0xFE => "apic error",
        0xFF => "spurious",
        _ => $"0x{vector:x2}",
    };
}
