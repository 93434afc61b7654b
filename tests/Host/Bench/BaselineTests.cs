using Nacre.Host.Bench;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Bench;

/// <summary>
/// The Linux baselines measure what they claim: the C program compiles, prints the configured
/// number of samples for every benchmark and passes its self-checks; the .NET ones likewise; and
/// every name the primitive table refers to is produced by its source.
/// </summary>
public sealed class BaselineTests
{
    private const int Samples = 30, Warmup = 3;

    private static readonly Lazy<BenchOutput> C = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "nacre-bench-test-" + Environment.ProcessId);
        var binary = LinuxBaseline.Compile(Repository.Root, directory);
        return LinuxBaseline.Run(binary, LinuxBaseline.Arguments(Samples, Warmup, 2, null), TimeSpan.FromMinutes(2));
    });

    [Fact]
    public void TheCBaselineCompilesAndPrintsEveryBenchmarkWithTheConfiguredSamples()
    {
        var output = C.Value;

        Assert.True(output.Ended);
        Assert.Equal("linux", output.Mode);
        Assert.True(output.TscHz > 1e8, $"TSC {output.TscHz} Hz");
        Assert.NotEmpty(output.Results);
        foreach (var result in output.Results)
        {
            Assert.True(Samples == result.Samples.Length, $"{result.Name}: {result.Samples.Length} samples");
            Assert.True(result.ChecksOk, $"{result.Name}: {string.Join(", ", result.Checks.Where(c => !c.Ok))}");
        }
        Assert.Equal(output.Results.Count, output.EndResults);
    }

    [Fact]
    public void TheCBaselineProvidesEveryLinuxRowOfTheTable()
    {
        var output = C.Value;
        var twoCpus = LinuxThreads.AllowedCpus().Count >= 2;
        foreach (var source in Primitives.All.SelectMany(p => p.Sources).Where(s => s.Origin == Origin.Linux))
            if (twoCpus || !output.Skipped.Any(s => s.Name == source.Name))
                Assert.True(output.Find(source.Name) is not null, $"the C baseline printed no {source.Name}");
    }

    [Fact]
    public void TheCBaselineTimesCrossCpuWakeUpsOnTheWokenCpu()
    {
        if (LinuxThreads.AllowedCpus().Count < 2)
            return;
        var condvar = C.Value.Find("condvar")!;
        Assert.Contains(condvar.Checks, c => c.Name == "wake stamp taken on the woken CPU" && c.Ok && c.Total == Samples);
        Assert.Contains(condvar.Checks, c => c.Name == "waiters were asleep when signalled" && c.Ok);
        Assert.Contains(C.Value.Find("launch")!.Checks, c => c.Name == "stop stamp taken on the target CPU" && c.Ok);
    }

    [Fact]
    public void TheDotNetBaselinesRunWithTheConfiguredSamples()
    {
        Assert.True(Tsc.Available);
        var cpus = LinuxThreads.AllowedCpus().Take(2).ToList();
        var results = new DotNetBaselines(Samples, Warmup, cpus, Tsc.MeasureHz(TimeSpan.FromMilliseconds(20))).Run(_ => true);

        var expected = cpus.Count >= 2 ? DotNetBaselines.Names : ["rdtsc", "createjoin", "yield", "throw.1", "throw.10", "call.10"];
        Assert.Equal(expected, results.Select(r => r.Name));
        foreach (var result in results)
        {
            Assert.Equal(Samples, result.Samples.Length);
            Assert.True(result.ChecksOk, $"{result.Name}: {string.Join(", ", result.Checks.Where(c => !c.Ok))}");
        }
        foreach (var source in Primitives.All.SelectMany(p => p.Sources).Where(s => s.Origin == Origin.DotNet))
            Assert.Contains(source.Name, DotNetBaselines.Names);
    }

    [Fact]
    public void TheDotNetClockIsTheTsc()
    {
        var hz = Tsc.MeasureHz(TimeSpan.FromMilliseconds(50));
        Assert.InRange(hz, 1e8, 1e11);
        var a = Tsc.Now;
        var b = Tsc.Now;
        Assert.True(b >= a);
    }
}
