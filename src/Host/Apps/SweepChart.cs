using ScottPlot;

namespace Nacre.Host.Apps;

/// <summary>The sweep's chart: HRT-over-Linux speedup against the work per synchronisation, one line per workload.</summary>
public static class SweepChart
{
    public static void Write(IReadOnlyList<SweepRunner.SweepPoint> points, string path, bool hrtIsQemu)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int series = 0;
        double minX = double.MaxValue, maxX = double.MinValue;
        foreach (var group in points.Where(p => p.GrainNs > 0 && p.Speedup > 0).GroupBy(p => p.Workload))
        {
            var ordered = group.OrderBy(p => p.GrainNs).ToList();
            var xs = ordered.Select(p => Math.Log10(p.GrainNs)).ToArray();
            var line = plot.Add.Scatter(xs, ordered.Select(p => p.Speedup).ToArray());
            line.LegendText = group.Key;
            line.Color = palette.GetColor(series++);
            minX = Math.Min(minX, xs.Min());
            maxX = Math.Max(maxX, xs.Max());
        }
        if (series > 0)
        {
            var even = plot.Add.Scatter(new[] { minX, maxX }, new[] { 1.0, 1.0 });
            even.LegendText = "HRT = Linux";
            even.Color = Colors.Gray;
            even.LinePattern = LinePattern.Dashed;
            even.MarkerSize = 0;
        }
        plot.Axes.Bottom.Label.Text = "log10(work per synchronisation, ns)";
        plot.Axes.Left.Label.Text = "speedup: Linux time / HRT time";
        plot.Title(hrtIsQemu ? "HRT over Linux by grain (HRT under QEMU TCG: functional only)" : "HRT over Linux by grain");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 560);
    }
}
