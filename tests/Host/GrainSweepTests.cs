using System.Text.Json;
using Nacre.Host.Apps;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// `nacre bench apps --sweep`: a tiny sweep end to end (every workload at two small sizes, Linux
/// and the HRT — the HVM where usable, else QEMU), checked for its structure and its
/// verification, not for speed; and the crossover computation on made-up points.
/// </summary>
public sealed class GrainSweepTests
{
    [Fact]
    public void ATinySweepRunsEveryWorkloadOnBothPlatformsAndVerifies()
    {
        var output = Path.Combine(Path.GetTempPath(), "nacre-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliResult.Invoke("bench", "apps", "--sweep", "--tiny", "--repeat", "1", "--cpus", "2", "--timeout", "300", "--out", output);
            Assert.True(run.ExitCode == 0, run.ToString());
            var plan = GrainSweep.Plan(Repository.Root, tiny: true);
            var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| workload", StringComparison.Ordinal)).ToList();
            Assert.Equal(plan.Sum(s => s.Steps.Count), rows.Count);
            Assert.All(rows, r => Assert.EndsWith("| yes |", r.TrimEnd()));
            foreach (var series in plan)
                Assert.Contains($"crossover {series.Workload}: the HRT is ", run.Stdout);
            Assert.Contains("verified: every run passed and Linux and the HRT agreed", run.Stdout);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "sweep.json")));
            var root = json.RootElement;
            Assert.True(root.GetProperty("verified").GetBoolean());
            Assert.Equal(2, root.GetProperty("cpus").GetInt32());
            var points = root.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(rows.Count, points.Count);
            foreach (var p in points)
            {
                Assert.True(p.GetProperty("Verified").GetBoolean());
                Assert.True(p.GetProperty("Syncs").GetUInt64() > 0);
                Assert.True(p.GetProperty("GrainNs").GetDouble() > 0);
                Assert.True(p.GetProperty("LinuxMedianNs").GetDouble() > 0 && p.GetProperty("HrtMedianNs").GetDouble() > 0);
                Assert.StartsWith("verify: ", p.GetProperty("Verification").GetString());
            }
            Assert.Equal(plan.Select(s => s.Workload).Distinct(), root.GetProperty("crossovers").EnumerateArray().Select(c => c.GetProperty("workload").GetString()));
            Assert.True(new FileInfo(Path.Combine(output, "sweep-speedup.png")).Length > 0);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void CrossoverIsWhereTheSpeedupFallsBelowOne()
    {
        // 1.5× at 100 ns, 0.5× at 10 µs: the speedup, linear in log(grain), is 1 halfway, at 1 µs.
        Assert.Equal(1000, GrainSweep.Crossover([(10_000, 0.5), (100, 1.5)])!.Value, 6);
        Assert.Equal(1000, GrainSweep.Crossover([(10, 3.0), (100, 1.5), (10_000, 0.5), (100_000, 0.2)])!.Value, 6);
        Assert.Null(GrainSweep.Crossover([(100, 2.0), (10_000, 1.5)]));     // faster everywhere
        Assert.Null(GrainSweep.Crossover([(100, 0.9), (10_000, 0.5)]));     // slower everywhere
        Assert.Null(GrainSweep.Crossover([]));
    }

    [Fact]
    public void SweepOptionsAreCheckedBeforeAnythingRuns()
    {
        var none = CliResult.Invoke("bench", "apps", "--sweep", "--hrt", "none");
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains(none.Errors, e => e.Contains("--hrt none"));
        var tiny = CliResult.Invoke("bench", "apps", "--tiny");
        Assert.NotEqual(0, tiny.ExitCode);
        Assert.Contains(tiny.Errors, e => e.Contains("--tiny is an option of --sweep"));
    }
}
