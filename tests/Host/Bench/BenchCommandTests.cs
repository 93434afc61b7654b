using System.Text.Json.Nodes;
using Nacre.Host.Bench;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Bench;

/// <summary>`nacre bench` end to end with few samples: kernel under QEMU, both baselines, table, JSON and plots.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void BenchRunsEverythingAndWritesJsonAndPlots()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nacre-bench-cli-" + Environment.ProcessId);
        var json = Path.Combine(directory, "bench.json");
        var plots = Path.Combine(directory, "plots");

        var result = CliResult.Invoke("bench", "--qemu", "--samples", "20", "--warmup", "2", "--json", json, "--plot", plots);

        Assert.True(result.ExitCode == 0, $"expected exit 0; got {result}");
        Assert.Contains("FUNCTIONAL ONLY", result.Stdout);
        Assert.Contains("[launch.poll]", result.Stdout);
        Assert.Contains("[bench] kernel benchmarks done in", result.Stderr);

        var root = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.StartsWith("qemu-tcg-", (string?)root["mode"]);
        Assert.True((bool)root["functional_only"]!);
        var primitives = root["primitives"]!.AsArray();
        foreach (var primitive in Primitives.All.Where(p => p.Nacre is not null))
        {
            var entry = primitives.Single(p => (string?)p!["id"] == primitive.Id)!;
            var nacre = entry["rows"]!.AsArray().SingleOrDefault(r => (string?)r!["source"] == "nacre");
            if (HvmDeprivilegedOnly.Contains(primitive.Id))
            {
                Assert.True(nacre is null, $"{primitive.Id}: measured under QEMU, where idle CPUs do not park");
                continue;
            }
            Assert.True(nacre is not null, $"{primitive.Id}: no Nacre row (the kernel did not print {primitive.Nacre!.Name})");
            Assert.Equal(20, nacre!["samples"]!.AsArray().Count);
            Assert.All(nacre["checks"]!.AsArray(), c => Assert.Equal((int)c!["total"]!, (int)c["passed"]!));
            Assert.True(File.Exists(Path.Combine(plots, primitive.Id + ".png")), $"no plot for {primitive.Id}");
        }
    }

    // The paravirtual-idle hypercalls exist only in the HVM's deprivileged mode; the kernel skips them elsewhere.
    private static readonly string[] HvmDeprivilegedOnly = ["hypercall.kick", "hypercall.park"];

    [Fact]
    public void HvmAndQemuExcludeEachOther()
    {
        var result = CliResult.Invoke("bench", "--hvm", "--qemu");

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("--hvm and --qemu exclude each other", result.Errors);
    }
}
