using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// Parallel.For's own overhead: an empty body over 10 … 10⁶ iterations on all CPUs, one sample
/// per whole loop. The large sizes take milliseconds per sample, so they keep fewer samples.
/// </summary>
public static class ParallelLoops
{
    public static readonly int[] Sizes = [10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private static readonly Action<int> s_empty = static _ => { };

    public static string Name(int n) => $"parallel.for.{n}";

    public static Result EmptyFor(Options o, int n)
    {
        var divisor = n >= 100_000 ? 10 : 1;
        var samples = new Samples(o.WarmupScaled(divisor), o.Scaled(divisor));
        var completed = 0;
        while (samples.Count < samples.Total)
        {
            var t0 = Tsc.Now;
            var result = Parallel.For(0, n, s_empty);
            var t1 = Tsc.Now;
            if (samples.Warm && result.IsCompleted)
                completed++;
            samples.Add(t1 - t0);
        }
        var kept = samples.Kept;
        return new Result(Name(n), kept, [new Check("loop completed", completed, kept.Length)], $"Parallel.For(0, {n:N0}, empty body)");
    }
}
