namespace Nacre.Host.Apps;

/// <summary>One point of a sweep: the size argument an application takes, and a label for tables.</summary>
public sealed record SweepStep(string Argument, string Label);

/// <summary>One workload swept from coarse to fine grain: an application and its steps (coarsest first).</summary>
public sealed record SweepSeries(string Workload, AppSpec App, int MemoryMiB, IReadOnlyList<SweepStep> Steps);

/// <summary>
/// What `nacre bench apps --sweep` runs (docs/runtime.md): four workloads, each at a fixed total
/// amount of work cut ever finer — fork-join recursion by its cutoff, a BSP stencil by its grid
/// (one barrier per step), the circuit by its piece size, CG by its grid — so that the time per
/// synchronisation falls from milliseconds to tens of nanoseconds.
/// </summary>
public static class GrainSweep
{
    public static IReadOnlyList<SweepSeries> Plan(string repositoryRoot, bool tiny)
    {
        var grain = AppCatalog.Grain(repositoryRoot);
        var circuit = AppCatalog.Find(repositoryRoot, "circuit");
        var cg = AppCatalog.Find(repositoryRoot, "cg");
        if (tiny)
            return
            [
                new("fib", grain, 128, [new("fib-16-10", "cutoff 10"), new("fib-16-2", "cutoff 2")]),
                new("stencil", grain, 128, [new("stencil-16-64", "16²"), new("stencil-6-256", "6²")]),
                new("circuit", circuit, 128, [new("4-16-64-2-10", "16 nodes/piece"), new("4-4-16-8-10", "4 nodes/piece")]),
                new("cg", cg, 128, [new("8", "8³"), new("4", "4³")]),
            ];
        return
        [
            // fib(30): 1.3 M leaf calls; the cutoff sets the work per spawned task.
            new("fib", grain, 128, [.. new[] { 26, 22, 18, 14, 10, 6, 2 }.Select(c => new SweepStep($"fib-30-{c}", $"cutoff {c}"))]),
            // About 4 M cell updates: G² × steps constant, one barrier per step.
            new("stencil", grain, 128, [.. new[] { 256, 128, 64, 32, 16, 8 }.Select(g => new SweepStep($"stencil-{g}-{4 * 1024 * 1024 / (g * g)}", $"{g}²"))]),
            // 16 pieces, 4 wires per node; wires × loops constant (two team loops per loop).
            new("circuit", circuit, 256, [.. new[] { 256, 64, 16, 4 }.Select(n => new SweepStep($"16-{n}-{4 * n}-{5 * 256 / n}-100", $"{n} nodes/piece"))]),
            // Grids from the small size (32³) down: fewer rows per team loop.
            new("cg", cg, 256, [.. new[] { 32, 24, 16, 12, 8 }.Select(n => new SweepStep(n.ToString(), $"{n}³"))]),
        ];
    }

    /// <summary>
    /// The crossover grain: walking from the finest grain up, where the speedup first crosses 1
    /// (usually falling below it: the HRT wins at fine grain), interpolated linearly in
    /// log(grain) between the two points around it. Null when the speedups never cross 1.
    /// </summary>
    public static double? Crossover(IReadOnlyList<(double GrainNs, double Speedup)> points)
    {
        var sorted = points.Where(p => p.GrainNs > 0 && p.Speedup > 0).OrderBy(p => p.GrainNs).ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            var (g0, s0) = sorted[i - 1];
            var (g1, s1) = sorted[i];
            if ((s0 >= 1) == (s1 >= 1)) continue;
            double t = (1 - s0) / (s1 - s0);
            return Math.Exp(Math.Log(g0) + t * (Math.Log(g1) - Math.Log(g0)));
        }
        return null;
    }
}
