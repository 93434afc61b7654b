using System.Text.Json;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Tracing;

/// <summary>
/// `nacre run --trace`: a two-CPU HRT (samples/timeline) traced under QEMU, and the JSON it
/// produces read back as Perfetto or chrome://tracing would read it.
/// </summary>
public sealed class TraceRunTests
{
    private sealed record Event(string Ph, string Name, double Ts, int Tid, string? Cat, long? Id);

    private static (CliResult Result, List<Event> Events, JsonElement Root) Run(int cpus)
    {
        var image = BuiltImages.Get("samples/timeline");
        var output = Path.Combine(Path.GetTempPath(), $"nacre-trace-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliResult.Invoke("run", image, "--cpus", cpus.ToString(), "--trace", output, "--timeout", "240");
            Assert.True(result.ExitCode == 0, $"expected exit 0; got {result}");
            Assert.True(File.Exists(output), $"no {output}; {result}");
            using var document = JsonDocument.Parse(File.ReadAllBytes(output));
            var root = document.RootElement.Clone();
            var events = root.GetProperty("traceEvents").EnumerateArray().Select(e => new Event(
                e.GetProperty("ph").GetString()!,
                e.GetProperty("name").GetString()!,
                e.TryGetProperty("ts", out var ts) ? ts.GetDouble() : 0,
                e.GetProperty("tid").GetInt32(),
                e.TryGetProperty("cat", out var cat) ? cat.GetString() : null,
                e.TryGetProperty("id", out var id) ? id.GetInt64() : null)).ToList();
            return (result, events, root);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void TwoCpuTraceIsOrderedBalancedAndCoversEveryCpu()
    {
        var (result, events, root) = Run(cpus: 2);
        Assert.Matches(@"\[trace\] .*: \d+ trace events, 2 CPUs", result.Stderr);
        Assert.Equal(2, root.GetProperty("otherData").GetProperty("cpus").GetInt32());

        // Every CPU is a named track, and has slices on it.
        var timed = events.Where(e => e.Ph != "M").ToList();
        for (int cpu = 0; cpu < 2; cpu++)
        {
            Assert.Contains(events, e => e.Ph == "M" && e.Name == "thread_name" && e.Tid == cpu);
            Assert.Contains(timed, e => e.Tid == cpu && e.Ph == "B" && e.Cat == "thread");
        }

        // Ordering: the file is in time order, so every track is too.
        for (int i = 1; i < timed.Count; i++)
            Assert.True(timed[i].Ts >= timed[i - 1].Ts, $"event {i} ({timed[i].Name} at {timed[i].Ts}) before its predecessor ({timed[i - 1].Ts})");

        // Balance: per track, B and E nest like brackets and every B is closed.
        foreach (var track in timed.GroupBy(e => e.Tid))
        {
            var open = new Stack<Event>();
            foreach (var e in track)
            {
                if (e.Ph == "B") open.Push(e);
                else if (e.Ph == "E")
                {
                    Assert.True(open.Count > 0, $"CPU {track.Key}: E '{e.Name}' at {e.Ts} closes nothing");
                    var b = open.Pop();
                    Assert.Equal(b.Name, e.Name);
                }
            }
            Assert.True(open.Count == 0, $"CPU {track.Key}: {open.Count} slices never end ({string.Join(", ", open.Select(o => o.Name))})");
        }

        // What the sample does is visible: its named threads, cross-CPU wake-ups with flows,
        // runtime tasks (symbolised), interrupts and timers.
        Assert.Contains(timed, e => e.Ph == "B" && e.Name == "ponger" && e.Tid == 1);
        Assert.Contains(timed, e => e.Ph == "B" && e.Name == "main" && e.Tid == 0);
        Assert.Contains(timed, e => e.Ph == "B" && e.Name.StartsWith("worker ", StringComparison.Ordinal));
        Assert.Contains(timed, e => e.Ph == "B" && e.Name.StartsWith("idle ", StringComparison.Ordinal));
        Assert.Contains(timed, e => e.Ph == "B" && e.Cat == "irq");
        Assert.Contains(timed, e => e.Ph == "i" && e.Name.StartsWith("timer ", StringComparison.Ordinal));
        Assert.Contains(timed, e => e.Ph == "B" && e.Name.StartsWith("task Nacre.Runtimes.Parallel.", StringComparison.Ordinal));
        var starts = timed.Where(e => e.Ph == "s").ToDictionary(e => e.Id!.Value);
        var ends = timed.Where(e => e.Ph == "f").ToList();
        Assert.NotEmpty(ends);
        foreach (var f in ends)
        {
            Assert.True(starts.TryGetValue(f.Id!.Value, out var s), $"flow {f.Id} ends but never starts");
            Assert.True(s.Ts <= f.Ts, $"flow {f.Id} ends before it starts");
        }
        Assert.Contains(ends, f => f.Name == "wake" && starts[f.Id!.Value].Tid != f.Tid);   // a wake-up across CPUs
    }

    [Fact]
    public void TraceWithHvmIsAClearError()
    {
        var result = CliResult.Invoke("run", BuiltImages.Get("samples/timeline"), "--hvm", "--trace", "x.json");
        Assert.Equal(125, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Contains("--trace needs QEMU", StringComparison.Ordinal));
    }
}
