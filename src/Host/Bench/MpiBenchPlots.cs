using ScottPlot;

namespace Nacre.Host.Bench;

/// <summary>`nacre bench mpi`'s charts: one-way latency and bandwidth against message size (log
/// scales), and the 8-byte latency CDF of each source (BenchPlots' CDF).</summary>
public static class MpiBenchPlots
{
    public static IReadOnlyList<string> Write(IReadOnlyList<MpiSeries> series, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        written.Add(AgainstSize(series, Path.Combine(directory, "latency.png"), "one-way latency, median (µs, log scale)",
            (size, median) => median / 1e3));
        written.Add(AgainstSize(series, Path.Combine(directory, "bandwidth.png"), "bandwidth at the median (MB/s, log scale)",
            (size, median) => size / (double)Math.Max(median, 1) * 1e3));

        var cdf = new Plot();
        foreach (var s in series)
            BenchPlots.AddCdf(cdf, s.PingPong[8].Select(ns => ns / 1e3), $"{s.Source} (median {Statistics.Of(s.PingPong[8]).Median / 1e3:F1} µs)", logarithmic: true);
        BenchPlots.LogTicks(cdf, "N1");
        written.Add(BenchPlots.SaveMicrosecondCdf(cdf, "8-byte ping-pong between 2 ranks, one-way latency", Path.Combine(directory, "pingpong-8B.png")));
        return written;
    }

    private static string AgainstSize(IReadOnlyList<MpiSeries> series, string path, string yLabel, Func<int, long, double> value)
    {
        var plot = new Plot();
        foreach (var s in series)
        {
            var sizes = s.PingPong.Keys.ToArray();
            var xs = sizes.Select(b => Math.Log10(b)).ToArray();
            var ys = sizes.Select(b => Math.Log10(Math.Max(value(b, Statistics.Of(s.PingPong[b]).Median), 1e-3))).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = s.Source;
            line.LineWidth = 2;
        }
        BenchPlots.LogTicks(plot, "N0");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"{Math.Pow(10, y):G3}",
        };
        plot.Title("ping-pong between 2 ranks: HRTs through their hosts beside Linux processes");
        plot.XLabel("message bytes (log scale)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 560);
        return path;
    }
}
