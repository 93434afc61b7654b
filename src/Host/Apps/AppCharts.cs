using ScottPlot;

namespace Nacre.Host.Apps;

/// <summary>The two charts of `nacre bench apps`: times per point, and parallel scaling.</summary>
public static class AppCharts
{
    public static void Write(IReadOnlyList<AppPoint> points, string directory, bool hrtIsQemu)
    {
        // Times: one bar per (app, size, platform, cpus), log scale (QEMU is orders slower).
        var times = new Plot();
        var labels = new List<Tick>();
        double x = 0;
        var palette = new ScottPlot.Palettes.Category20();
        var platforms = points.Select(p => p.Platform).Distinct().ToList();
        var cpus = points.Select(p => p.Cpus).Distinct().Order().ToList();
        foreach (var group in points.GroupBy(p => (p.App, p.Size)))
        {
            double start = x;
            foreach (var platform in platforms)
                foreach (var n in cpus)
                {
                    var p = group.FirstOrDefault(q => q.Platform == platform && q.Cpus == n);
                    if (p is null) continue;
                    var bar = times.Add.Bar(position: x, value: Math.Log10(p.MedianNs / 1e6));
                    bar.Color = palette.GetColor(platforms.IndexOf(platform) * cpus.Count + cpus.IndexOf(n));
                    x += 1;
                }
            labels.Add(new Tick((start + x - 1) / 2, $"{group.Key.App}\n{group.Key.Size}"));
            x += 1;
        }
        times.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.ToArray());
        times.Axes.Left.Label.Text = "log10(time in ms)";
        times.Title(hrtIsQemu ? "Time per run (HRT under QEMU TCG: functional only)" : "Time per run");
        var legend = new List<LegendItem>();
        foreach (var platform in platforms)
            foreach (var n in cpus)
                legend.Add(new LegendItem { LabelText = $"{platform}, {n} CPU{(n == 1 ? "" : "s")}", FillColor = palette.GetColor(platforms.IndexOf(platform) * cpus.Count + cpus.IndexOf(n)) });
        times.ShowLegend(legend, Alignment.UpperLeft);
        double top = points.Count == 0 ? 1 : points.Max(p => Math.Log10(p.MedianNs / 1e6));
        times.Axes.SetLimitsY(Math.Min(0, points.Count == 0 ? 0 : points.Min(p => Math.Log10(p.MedianNs / 1e6))), top * 1.45 + 0.5);
        times.SavePng(Path.Combine(directory, "apps-times.png"), 1000, 560);

        // Scaling: T(1 CPU) / T(n) per (app, size, platform).
        var scaling = new Plot();
        int series = 0;
        foreach (var group in points.GroupBy(p => (p.App, p.Size, p.Platform)))
        {
            var one = group.FirstOrDefault(p => p.Cpus == 1);
            if (one is null) continue;
            var ordered = group.OrderBy(p => p.Cpus).ToList();
            var line = scaling.Add.Scatter(ordered.Select(p => (double)p.Cpus).ToArray(), ordered.Select(p => one.MedianNs / p.MedianNs).ToArray());
            line.LegendText = $"{group.Key.App} {group.Key.Size} {group.Key.Platform}";
            line.Color = palette.GetColor(series++);
        }
        if (cpus.Count > 0)
        {
            var ideal = scaling.Add.Scatter(cpus.Select(c => (double)c).ToArray(), cpus.Select(c => (double)c).ToArray());
            ideal.LegendText = "ideal";
            ideal.Color = Colors.Gray;
            ideal.LinePattern = LinePattern.Dashed;
        }
        scaling.Axes.Bottom.Label.Text = "CPUs";
        scaling.Axes.Left.Label.Text = "speedup over 1 CPU";
        scaling.Title("Parallel scaling");
        scaling.ShowLegend(Alignment.UpperLeft);
        scaling.SavePng(Path.Combine(directory, "apps-scaling.png"), 800, 560);
    }
}
