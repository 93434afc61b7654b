using ScottPlot;

namespace Nacre.Host.Bench;

/// <summary>
/// `nacre bench --plot DIR`: one PNG per primitive, the latency CDF of every source on one chart
/// (x: cycles, logarithmic; y: fraction of samples at or below x).
/// </summary>
public static class BenchPlots
{
    public static IReadOnlyList<string> Write(BenchSession session, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var report in session.Reports())
        {
            // Lateness and skew can be ≤ 0, which a logarithmic axis cannot show: those plot linear.
            var rows = report.Rows.Where(r => r.Result.Samples.Length > 0).ToList();
            if (rows.Count == 0)
                continue;
            var logarithmic = rows.All(r => r.Stats.Min > 0);
            var plot = new Plot();
            foreach (var row in rows)
                AddCdf(plot, row.Result.Samples, $"{row.Source.Label} (median {row.Stats.Median:N0})", logarithmic);
            if (logarithmic)
                LogTicks(plot, "N0");
            plot.Title($"{report.Primitive.Title}{(session.FunctionalOnly ? " — functional only (QEMU TCG)" : "")}");
            plot.XLabel(logarithmic ? "TSC cycles (log scale)" : "TSC cycles");
            plot.YLabel("fraction of samples ≤ x");
            plot.Axes.SetLimitsY(0, 1.02);
            plot.ShowLegend(Alignment.LowerRight);
            var path = Path.Combine(directory, report.Primitive.Id + ".png");
            plot.SavePng(path, 1000, 560);
            written.Add(path);
        }
        return written;
    }

    /// <summary>One source's CDF: a step line through the sorted samples (log10 of them when
    /// <paramref name="logarithmic"/>).</summary>
    public static void AddCdf(Plot plot, IEnumerable<double> samples, string label, bool logarithmic)
    {
        var sorted = samples.Order().ToArray();
        var xs = sorted.Select(v => logarithmic ? Math.Log10(v) : v).ToArray();
        var ys = Enumerable.Range(1, sorted.Length).Select(i => (double)i / sorted.Length).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.ConnectStyle = ConnectStyle.StepHorizontal;
    }

    public static void AddCdf(Plot plot, IEnumerable<long> samples, string label, bool logarithmic) =>
        AddCdf(plot, samples.Select(v => (double)v), label, logarithmic);

    /// <summary>Finishes a chart of CDFs (x in µs on a log scale) and saves it as a PNG; returns the path.</summary>
    public static string SaveMicrosecondCdf(Plot plot, string title, string path)
    {
        plot.Title(title);
        plot.XLabel("µs (log scale)");
        plot.YLabel("fraction of samples ≤ x");
        plot.Axes.SetLimitsY(0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 1000, 560);
        return path;
    }

    /// <summary>An x axis of log10 values labelled with the values themselves.</summary>
    public static void LogTicks(Plot plot, string format) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => Math.Pow(10, x).ToString(format, System.Globalization.CultureInfo.InvariantCulture),
        };
}
