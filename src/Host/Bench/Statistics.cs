namespace Nacre.Host.Bench;

/// <summary>
/// Summary statistics of raw cycle samples: the one implementation used for the kernel's samples,
/// the C baseline's and the .NET baseline's alike (docs/benchmarks.md).
///
/// Percentiles are nearest-rank on the sorted samples: p-th = the smallest sample with at least p %
/// of the samples at or below it (sorted[ceil(p/100 · n) − 1]); so the median of an even count is
/// the lower middle sample, and every reported percentile is a value that was actually measured.
/// StdDev is the sample standard deviation (n − 1); CV = StdDev / Mean.
/// </summary>
public sealed record Statistics(int Count, long Min, long Median, long P99, long Max, double Mean, double StdDev)
{
    public double Cv => Mean == 0 ? 0 : StdDev / Math.Abs(Mean);

    /// <summary>p99 / median: the tail's spread (1.0 = no tail).</summary>
    public double TailRatio => Median == 0 ? double.NaN : (double)P99 / Median;

    public static Statistics Of(IReadOnlyCollection<long> samples)
    {
        if (samples.Count == 0)
            throw new ArgumentException("no samples", nameof(samples));
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        double sum = 0;
        foreach (var s in sorted)
            sum += s;
        var mean = sum / sorted.Length;
        double squares = 0;
        foreach (var s in sorted)
            squares += (s - mean) * (s - mean);
        var stddev = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;
        return new Statistics(sorted.Length, sorted[0], Percentile(sorted, 50), Percentile(sorted, 99), sorted[^1], mean, stddev);
    }

    /// <summary>Nearest-rank percentile of already sorted samples.</summary>
    public static long Percentile(long[] sorted, double percent)
    {
        if (sorted.Length == 0)
            throw new ArgumentException("no samples", nameof(sorted));
        if (percent <= 0)
            return sorted[0];
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
