namespace Nacre.Host.Bench;

/// <summary>
/// What `nacre bench dotnet` reports: bench/DotNet's results, the same NativeAOT binary's as an
/// HRT (the Nacre origin, labelled "HRT") and as a Linux process (the Linux origin), with the
/// .NET world's speed goals: the runtime's cross-CPU primitives ≥ 10× faster as an HRT, compute-bound
/// code within 2% of Linux.
/// </summary>
public static class DotNetPrimitives
{
    public static readonly BenchLabels Labels = new(".NET world benchmarks (one NativeAOT binary: HRT vs Linux process)", "Linux/HRT",
        "goals, judged on the medians");

    private static readonly Goal TenX = new(GoalKind.LinuxFactor, 10, "≥ 10× faster as an HRT than on Linux (median)");
    private static readonly Goal WithinTwoPercent = new(GoalKind.SlowdownAtMost, 1.02, "compute within 2%: HRT median ≤ 1.02× Linux's");

    private static Primitive Both(string id, string title, bool crossCpu, params Goal[] goals) => Both(id, id, title, crossCpu, goals);

    /// <summary>A primitive with the same result name on both sides (it is one binary).</summary>
    private static Primitive Both(string id, string result, string title, bool crossCpu, params Goal[] goals) =>
        new(id, title, crossCpu, [new SourceRef(Origin.Nacre, result, "HRT"), new SourceRef(Origin.Linux, result, "Linux")], goals);

    /// <summary>The loop sizes of bench/DotNet's Parallel.For rows; up to 1,000 the loop's overhead is all there is.</summary>
    public static readonly int[] ParallelSizes = [10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public static IReadOnlyList<Primitive> All { get; } =
    [
        Both(Primitives.FloorId, "pingpong", "cache-line round trip between two pinned threads (the physical floor)", true),
        Both("rdtsc", "two back-to-back rdtsc (inside every sample)", false),
        Both("task.run", "Task.Run(empty) → Wait returns, from the main thread", true, TenX),
        Both("task.start", "Task.Run → the body's first statement on a thread-pool worker", true, TenX),
        Both("semaphoreslim", "SemaphoreSlim ping-pong round trip between two CPUs", true, TenX),
        Both("monitor", "Monitor wait/pulse ping-pong round trip between two CPUs", true, TenX),
        .. ParallelSizes.Select(n => Both($"parallel.for.{n}", $"Parallel.For over {n:N0} iterations, empty body, all CPUs", true,
            n <= 1_000 ? [TenX] : [])),
        Both("alloc", "allocation throughput: 1,000 allocations of a 32-byte object", false),
        Both("gc.gen0", "gen0 GC pause: GC.Collect(0) after 256 KiB of fresh objects", false),
        Both("gc.full", "full GC pause: compacting GC.Collect(2), 100,000 live objects", false),
        Both("compute.matmul", "compute: 128×128 double matrix multiply, one thread", false, WithinTwoPercent),
        Both("compute.hash", "compute: 10⁶ rounds of integer xorshift-multiply, one thread", false, WithinTwoPercent),
        // The libc calls the runtime makes on its hot paths, one call per sample: where the cycles go.
        Both("libc.clock_gettime", "libc: clock_gettime(CLOCK_MONOTONIC) (Stopwatch)", false),
        Both("libc.sched_yield", "libc: sched_yield, nothing else runnable (Thread.Yield in every spin-wait)", false),
        Both("libc.futex_wake", "libc: futex wake with no waiter (the release side of blocking waits)", false),
        Both("libc.membarrier", "libc: membarrier (FlushProcessWriteBuffers, once per GC)", true),
        Both("libc.meminfo", "libc: open + read + close /proc/meminfo (once per GC)", false),
    ];
}
