using System.Text.Json.Nodes;
using Nacre.Host.Bench;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Bench;

/// <summary>
/// `nacre bench dotnet` end to end in a quick mode (5 samples) under QEMU: the one NativeAOT
/// binary ran on both sides, every benchmark reported on both with its self-checks holding, and
/// the table, JSON and plots are well-formed. No timing is asserted; the goals' judging is tested
/// on made-up results.
/// </summary>
public sealed class BenchDotNetTests
{
    [Fact]
    public void QuickRunReportsEveryBenchmarkOnBothSides()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nacre-bench-dotnet-" + Environment.ProcessId);
        var json = Path.Combine(directory, "dotnet.json");
        var plots = Path.Combine(directory, "plots");

        var result = CliResult.Invoke("bench", "dotnet", "--qemu", "--samples", "5", "--warmup", "1", "--json", json, "--plot", plots);

        Assert.True(result.ExitCode == 0, $"expected exit 0; got {result}");
        Assert.Contains("FUNCTIONAL ONLY", result.Stdout);
        Assert.Contains("[bench] HRT done in", result.Stderr);
        var root = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.StartsWith("qemu-tcg-", (string?)root["mode"]);
        Assert.Equal("linux-process", (string?)root["linux_info"]!["mode"]);
        Assert.True((bool)root["functional_only"]!);
        var primitives = root["primitives"]!.AsArray();
        Assert.Equal(DotNetPrimitives.All.Count, primitives.Count);
        foreach (var primitive in DotNetPrimitives.All)
        {
            Assert.Contains($"[{primitive.Id}]", result.Stdout);
            var rows = primitives.Single(p => (string?)p!["id"] == primitive.Id)!["rows"]!.AsArray();
            foreach (var source in new[] { "nacre", "linux" })
            {
                var row = rows.SingleOrDefault(r => (string?)r!["source"] == source);
                Assert.True(row is not null, $"{primitive.Id}: no {source} row");
                Assert.Equal(5, row!["samples"]!.AsArray().Count);
                Assert.True((long)row["min"]! <= (long)row["median"]! && (long)row["median"]! <= (long)row["p99"]! && (long)row["p99"]! <= (long)row["max"]!);
                Assert.All(row["checks"]!.AsArray(), c => Assert.True((int)c!["total"]! == (int)c["passed"]!, $"{primitive.Id} {source}: {c}"));
            }
            Assert.True(File.Exists(Path.Combine(plots, primitive.Id + ".png")), $"no plot for {primitive.Id}");
        }
        // The compute kernels did the same arithmetic on both sides.
        foreach (var id in new[] { "compute.matmul", "compute.hash" })
        {
            var rows = primitives.Single(p => (string?)p!["id"] == id)!["rows"]!.AsArray();
            Assert.Equal((string?)rows[0]!["note"], (string?)rows[1]!["note"]);
        }
    }

    [Fact]
    public void NativeRunsAreJudgedAgainstTheIssuesGoals()
    {
        static BenchOutput Side(string mode, long crossCpu, long compute) => BenchOutput.Parse(
        [
            $$"""BENCH-INFO {"mode":"{{mode}}","cpus":2,"tsc_hz":1000000000}""",
            $$"""BENCH {"name":"pingpong","count":3,"checks":[],"samples":[200,200,200]}""",
            $$"""BENCH {"name":"semaphoreslim","count":3,"checks":[],"samples":[{{crossCpu}},{{crossCpu}},{{crossCpu}}]}""",
            $$"""BENCH {"name":"compute.hash","count":3,"checks":[],"samples":[{{compute}},{{compute}},{{compute}}]}""",
            """BENCH-END {"results":3,"failed_checks":0}""",
        ]);
        var session = new BenchSession(Side("hvm-deprivileged", 1_000, 1_030_000), Side("linux-process", 20_000, 1_000_000), [], 1e9,
            DotNetPrimitives.All, DotNetPrimitives.Labels);

        var semaphore = session.Report(DotNetPrimitives.All.Single(p => p.Id == "semaphoreslim"));
        Assert.Equal(20.0, semaphore.LinuxOverNacreMedian);
        Assert.Equal(GoalStatus.Met, semaphore.Goals.Single().Status);
        Assert.Equal(5.0, semaphore.Nacre!.FloorMultiple);
        var compute = session.Report(DotNetPrimitives.All.Single(p => p.Id == "compute.hash")).Goals.Single();
        Assert.Equal(GoalStatus.NotMet, compute.Status);   // 3% slower than Linux
        Assert.Equal(1.03, compute.Value!.Value, 6);
        Assert.Equal(GoalStatus.NotMeasured, session.Report(DotNetPrimitives.All.Single(p => p.Id == "monitor")).Goals.Single().Status);
        Assert.Contains(BenchReport.Lines(session), l => l.Contains("Linux/HRT: median 20×"));
    }
}
