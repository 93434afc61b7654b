using System.Text.Json;

namespace Nacre.Host.Bench;

/// <summary>What `nacre bench hvm` prints and writes: the table, the start-up comparison, the boot stage by stage, the verdicts.</summary>
public static class HvmBenchReport
{
    /// <summary>The cold boot stage by stage: every stamped point, then the five spans of BootBreakdown.Summary.</summary>
    public static IEnumerable<string> BreakdownLines(IReadOnlyList<BootBreakdown.Row> rows)
    {
        if (rows.Count == 0)
            yield break;
        yield return "";
        yield return $"cold boot, 1 vCPU, stage by stage (medians over {rows.Max(r => r.Boots)} boots; µs since Hrt.Boot was called)";
        yield return $"  {"stage",-28}{"where",-7}{"at µs",10}{"step µs",10}";
        foreach (var row in rows)
            yield return $"  {row.Stage,-28}{(row.InGuest ? "guest" : "VMM"),-7}{row.MedianAtUs,10:F0}{row.MedianStepUs,10:F0}";
        yield return "  spans: " + string.Join("; ", BootBreakdown.Summary(rows).Select(s => $"{s.Span} {(s.Us is { } us ? $"{us:F0} µs" : "—")}"));
    }

    public static IEnumerable<string> Lines(HvmBench bench)
    {
        double ns = 1e9 / bench.TscHz;
        yield return $"HVM ({bench.Mode}), TSC {bench.TscHz / 1e6:F0} MHz; cycles, and ns at the median";
        yield return $"{"",-24}{"min",12}{"median",12}{"p99",12}{"max",14}{"median ns",12}{"p99/med",9}";
        foreach (var row in bench.Rows)
        {
            var s = row.Cycles;
            yield return $"{row.Name,-24}{s.Min,12:N0}{s.Median,12:N0}{s.P99,12:N0}{s.Max,14:N0}{s.Median * ns,12:N0}{s.TailRatio,9:F2}";
        }
        Statistics? Of(string name) => bench.Rows.FirstOrDefault(r => r.Name == name)?.Cycles;
        foreach (var line in StartupComparison.Lines(bench.Startup, bench.TscHz))
            yield return line;
        foreach (var line in BreakdownLines(bench.Breakdown))
            yield return line;
        yield return "";
        if (Of("boot: ready") is { } ready && Of("spawn /bin/true") is { } spawn)
        {
            yield return $"boot to ready: {ready.Median * ns / 1e6:F2} ms median; a process start of /bin/true: {spawn.Median * ns / 1e6:F2} ms "
                + $"(HRT/process {(double)ready.Median / spawn.Median:F1}×); goal ≤ 1 ms: {(ready.Median * ns <= 1e6 ? "met" : "not met")}";
            if (Of("spawn NativeAOT hello") is { } aot)
                yield return $"  a NativeAOT hello-world starts in {aot.Median * ns / 1e6:F2} ms (HRT/process {(double)ready.Median / aot.Median:F1}×)";
        }
        if (Of("invoke") is { } invoke)
        {
            yield return $"invoke round trip: {invoke.Median * ns:F0} ns median, {invoke.P99 * ns:F0} ns p99; goal ≤ 1 µs median: {(invoke.Median * ns <= 1000 ? "met" : "not met")}";
            if (Of("direct call") is { } call)
                yield return $"  {(double)invoke.Median / Math.Max(call.Median, 1):F0}× a direct call as measured by the same harness ({call.Median:N0} cycles, mostly the two rdtsc)";
            if (Of("threads: semaphore") is { } semaphore)
                yield return $"  {(double)semaphore.Median / invoke.Median:F1}× cheaper than a SemaphoreSlim round trip between two Linux threads";
            if (Of("threads: cache line") is { } floor)
                yield return $"  {(double)invoke.Median / floor.Median:F2}× the cache-line round trip between two host threads (the floor; goal ≤ 1.5×)";
        }
    }

    /// <summary>The statistics as JSON (cycles; the TSC rate converts them).</summary>
    public static void WriteJson(HvmBench bench, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            tscHz = bench.TscHz,
            mode = bench.Mode.ToString(),
            rows = bench.Rows.Select(r => new { r.Name, r.What, cycles = r.Cycles }),
        }, new JsonSerializerOptions { WriteIndented = true }));
}
