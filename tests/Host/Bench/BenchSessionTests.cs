using Nacre.Host.Bench;

namespace Nacre.Host.Tests.Bench;

/// <summary>How results become ratios, floor multiples and goal verdicts (and why TCG runs get none).</summary>
public sealed class BenchSessionTests
{
    private static BenchOutput Kernel(string mode, params (string Name, long[] Samples)[] results)
    {
        var lines = new List<string> { $$"""BENCH-INFO {"mode":"{{mode}}","cpus":2,"tsc_hz":1000000000}""" };
        foreach (var (name, samples) in results)
            lines.Add($$"""BENCH {"name":"{{name}}","count":{{samples.Length}},"checks":[],"samples":[{{string.Join(',', samples)}}]}""");
        lines.Add("""BENCH-END {"results":0,"failed_checks":0}""");
        return BenchOutput.Parse(lines);
    }

    private static long[] Flat(long value, int n = 100) => Enumerable.Repeat(value, n).ToArray();

    private static BenchSession Session(string mode) => new(
        Kernel(mode, ("pingpong", Flat(500)), ("launch.poll", Flat(400)), ("createjoin", Flat(2000)),
            ("condvar.poll", Enumerable.Repeat(300L, 90).Concat(Enumerable.Repeat(900L, 10)).ToArray())),
        Kernel("linux", ("pingpong", Flat(1000)), ("launch", Flat(80_000)), ("condvar", Flat(60_000))),
        [new BenchResult("monitor", Flat(70_000), [], 1e9)],
        1e9);

    private static PrimitiveReport Report(BenchSession session, string id) => session.Report(Primitives.All.Single(p => p.Id == id));

    [Fact]
    public void NativeRunsGetRatiosFloorMultiplesAndVerdicts()
    {
        var session = Session("hvm-deprivileged");
        Assert.False(session.FunctionalOnly);

        var launch = Report(session, "launch.poll");
        Assert.Equal(200.0, launch.LinuxOverNacreMedian);
        Assert.Equal(0.8, launch.Nacre!.FloorMultiple);
        Assert.Equal(80.0, launch.Rows.Single(r => r.Source.Origin == Origin.Linux).FloorMultiple);   // Linux against Linux's own floor
        Assert.All(launch.Goals, g => Assert.Equal(GoalStatus.Met, g.Status));

        var condvar = Report(session, "condvar.poll");
        Assert.Equal(GoalStatus.Met, condvar.Goals.Single(g => g.Goal.Kind == GoalKind.FloorMultiple).Status);   // 300 ≤ 0.75 × 500
        var tail = condvar.Goals.Single(g => g.Goal.Kind == GoalKind.TailRatio);
        Assert.Equal(GoalStatus.NotMet, tail.Status);                       // p99 900 / median 300
        Assert.Equal(3.0, tail.Value);
        Assert.Contains(condvar.Rows, r => r.Source.Label == ".NET Monitor");

        var createJoin = Report(session, "createjoin");
        Assert.Equal(GoalStatus.NotMet, createJoin.Goals.Single(g => g.Goal.Kind == GoalKind.MaxCycles).Status);
        Assert.Null(createJoin.Nacre!.FloorMultiple);                       // one CPU: no floor multiple

        Assert.Equal(GoalStatus.NotMeasured, Report(session, "invoke").Goals.Single().Status);
    }

    [Fact]
    public void TcgRunsAreFunctionalOnly()
    {
        var session = Session("qemu-tcg-ring0");
        Assert.True(session.FunctionalOnly);

        var launch = Report(session, "launch.poll");
        Assert.Null(launch.LinuxOverNacreMedian);
        Assert.Null(launch.LinuxOverNacreP99);
        Assert.All(launch.Rows, r => Assert.Null(r.FloorMultiple));
        Assert.All(launch.Goals, g => Assert.Equal(GoalStatus.NotJudged, g.Status));

        var lines = BenchReport.Lines(session);
        Assert.Contains(lines, l => l.StartsWith("FUNCTIONAL ONLY", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Linux/Nacre", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("qemu-tcg-ring0", true)]
    [InlineData("qemu-tcg-deprivileged", true)]
    [InlineData("hvm-ring0", false)]
    [InlineData("hvm-deprivileged", false)]
    [InlineData("kvm-ring0", false)]
    [InlineData("bare-metal-ring0", false)]
    public void OnlyEmulatedModesAreFunctionalOnly(string mode, bool functional) =>
        Assert.Equal(functional, BenchSession.IsFunctionalOnly(mode));

    [Fact]
    public void TheTablePrintsEverySourceAndTheRatios()
    {
        var lines = BenchReport.Lines(Session("hvm-ring0"));

        Assert.Contains(lines, l => l.Contains("[launch.poll]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("Linux/Nacre: median 200×, p99 200×", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("goal: median ≤ 1× the round-trip floor: met (0.80× floor)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheJsonHoldsStatisticsAndRawSamples()
    {
        var json = BenchJson.Build(Session("hvm-ring0"));

        Assert.Equal("hvm-ring0", (string?)json["mode"]);
        var launch = json["primitives"]!.AsArray().Single(p => (string?)p!["id"] == "launch.poll")!;
        var nacre = launch["rows"]!.AsArray().Single(r => (string?)r!["source"] == "nacre")!;
        Assert.Equal(400, (long)nacre["median"]!);
        Assert.Equal(100, nacre["samples"]!.AsArray().Count);
        Assert.Equal(400.0, (double)nacre["ns"]!["median"]!);
        Assert.Equal(200.0, (double)launch["linux_over_nacre_median"]!);
    }

    [Fact]
    public void TheFloorAlwaysRunsWithAFilter()
    {
        Assert.Null(KernelBench.EffectiveOnly(null));
        Assert.Equal("rdtsc,pingpong,launch,condvar", KernelBench.EffectiveOnly("launch, condvar"));
    }
}
