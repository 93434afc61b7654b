using ScottPlot;

namespace Nacre.Host.Bench;

/// <summary>
/// <c>nacre bench hvm</c>'s start-up comparison: an HRT's boot to ready beside Linux process
/// starts measured in the same run, as a table of medians and p99s with each source's ratio to
/// the first Linux one (/bin/true), and as a CDF chart of all the samples (µs, log scale).
/// </summary>
public static class StartupComparison
{
    /// <summary>One way of starting something, its raw samples in TSC cycles; the
    /// <paramref name="Baseline"/> source is what the ratios divide by.</summary>
    public sealed record Source(string Label, long[] Cycles, bool Baseline = false);

    public static IEnumerable<string> Lines(IReadOnlyList<Source> sources, double tscHz)
    {
        if (sources.Count == 0)
            yield break;
        var baseline = sources.FirstOrDefault(s => s.Baseline);
        double Us(long cycles) => cycles * 1e6 / tscHz;
        yield return "";
        yield return $"start-up, side by side (µs; ratio = median / {(baseline is null ? "—" : baseline.Label)}'s median)";
        yield return $"  {"",-34}{"min",9}{"median",9}{"p99",9}{"ratio",8}";
        foreach (var source in sources)
        {
            var s = Statistics.Of(source.Cycles);
            var ratio = baseline is null ? "" : $"{(double)s.Median / Statistics.Of(baseline.Cycles).Median:F2}×";
            yield return $"  {source.Label,-34}{Us(s.Min),9:F0}{Us(s.Median),9:F0}{Us(s.P99),9:F0}{ratio,8}";
        }
    }

    /// <summary>The CDF of every source on one chart, x in µs on a log scale; returns the path.</summary>
    public static string WritePlot(IReadOnlyList<Source> sources, double tscHz, string path)
    {
        var plot = new Plot();
        foreach (var source in sources)
        {
            var us = source.Cycles.Select(c => Math.Max(c * 1e6 / tscHz, 1e-3)).ToArray();
            BenchPlots.AddCdf(plot, us, $"{source.Label} (median {Statistics.Of(source.Cycles).Median * 1e6 / tscHz:F0} µs)", logarithmic: true);
        }
        BenchPlots.LogTicks(plot, "G4");
        return BenchPlots.SaveMicrosecondCdf(plot, "Start-up: HRT boot to ready vs Linux process start (same run)", path);
    }
}
