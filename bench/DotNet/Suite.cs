namespace Nacre.Bench.DotNet;

/// <summary>A benchmark: its name (for only=), whether it needs two CPUs, and what produces its results.</summary>
public sealed record Benchmark(string Name, bool NeedsTwoCpus, Func<Options, IReadOnlyList<int>, IEnumerable<Result>> Run);

/// <summary>Every benchmark, in the order they run (docs/benchmarks.md, "nacre bench dotnet").</summary>
public static class Suite
{
    public static IReadOnlyList<Benchmark> All { get; } =
    [
        new("rdtsc", false, (o, _) => [Clock.BackToBack(o)]),
        new("pingpong", true, (o, c) => [CrossCpu.CacheLine(o, c[0], c[1])]),
        new("task", false, (o, _) => Tasks.RunToCompletion(o)),
        new("semaphoreslim", true, (o, c) => [CrossCpu.SemaphoreSlimPingPong(o, c[0], c[1])]),
        new("monitor", true, (o, c) => [CrossCpu.MonitorPingPong(o, c[0], c[1])]),
        .. ParallelLoops.Sizes.Select(n => new Benchmark(ParallelLoops.Name(n), false, (o, _) => [ParallelLoops.EmptyFor(o, n)])),
        new("alloc", false, (o, _) => [Allocation.Throughput(o)]),
        new("gc.gen0", false, (o, _) => [Allocation.Gen0Pause(o)]),
        new("gc.full", false, (o, _) => [Allocation.FullPause(o)]),
        new("compute.matmul", false, (o, _) => [Compute.MatrixMultiply(o)]),
        new("compute.hash", false, (o, _) => [Compute.IntegerHash(o)]),
        new("libc", false, (o, _) => LibcCalls.All(o)),
    ];
}

/// <summary>Collects warm-up + kept samples; the warm-up is dropped here, before anything is printed.</summary>
public sealed class Samples(int warmup, int kept)
{
    private readonly long[] _all = new long[warmup + kept];
    private int _count;

    public int Total => _all.Length;
    public int Warmup => warmup;

    /// <summary>True once the warm-up is over: the next sample is kept.</summary>
    public bool Warm => _count >= warmup;
    public int Count => _count;

    public void Add(long cycles) => _all[_count++] = cycles;

    public long[] Kept => _all[warmup.._count];
}

public static class Clock
{
    public static Result BackToBack(Options o)
    {
        var samples = new Samples(o.Warmup, o.Samples);
        while (samples.Count < samples.Total)
        {
            var t0 = Nacre.Host.Bench.Tsc.Now;
            var t1 = Nacre.Host.Bench.Tsc.Now;
            samples.Add(t1 - t0);
        }
        return new Result("rdtsc", samples.Kept, []);
    }
}
