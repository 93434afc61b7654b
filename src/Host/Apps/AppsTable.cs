using System.Globalization;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Apps;

/// <summary>The markdown table of `nacre bench apps` (and the number formats its sweep shares).</summary>
public static class AppsTable
{
    public static string Ms(double ns) => (ns / 1e6).ToString(ns < 1e7 ? "F3" : "F1", CultureInfo.InvariantCulture);

    public static void Print(List<AppPoint> points, AppsBench.Settings s, Terminal terminal)
    {
        var platforms = s.Platforms;
        string Label(string platform) => platform switch
        {
            "linux" => "Linux",
            "hrt-qemu" => "HRT (QEMU TCG, functional only)",
            "hrt-hvm" => "HRT booted in the HVM",
            _ => "HVM Invoke (Linux owns the data)",
        };
        terminal.WriteLine("");
        terminal.WriteLine($"Times in ms, median / min of {s.Repeat} (QEMU: one run); speedup = Linux time / that time; scaling = T(1 CPU) / T(n).");
        var header = new List<string> { "app", "size", "cpus" };
        foreach (var p in platforms)
        {
            header.Add(Label(p));
            if (p != "linux") header.Add("speedup vs Linux");
        }
        header.AddRange(platforms.Select(p => $"scaling {p}"));
        header.Add("verified");
        terminal.WriteLine("| " + string.Join(" | ", header) + " |");
        terminal.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var group in points.GroupBy(p => (p.App, p.Size)))
        {
            var byPlatform = platforms.ToDictionary(p => p, p => group.Where(q => q.Platform == p).ToDictionary(q => q.Cpus));
            foreach (var n in group.Select(p => p.Cpus).Distinct().Order())
            {
                var row = new List<string> { group.Key.App, $"{group.Key.Size} ({group.First().Argument})", n.ToString() };
                byPlatform["linux"].TryGetValue(n, out var linux);
                bool ok = true;
                var first = group.First(p => p.Cpus == n).Verification;
                foreach (var platform in platforms)
                {
                    byPlatform[platform].TryGetValue(n, out var p);
                    row.Add(p is null ? "—" : p.Runs > 1 ? $"{Ms(p.MedianNs)} / {Ms(p.MinNs)}" : Ms(p.MedianNs));
                    if (platform != "linux")
                        row.Add(p is null || linux is null ? "—" : Ratio(linux.MedianNs / p.MedianNs) + (platform == "hrt-qemu" ? " (TCG)" : ""));
                    if (p is not null) ok &= p.Passed && p.Verification == first;
                }
                foreach (var platform in platforms)
                {
                    var table = byPlatform[platform];
                    row.Add(table.TryGetValue(1, out var one) && table.TryGetValue(n, out var p) ? Ratio(one.MedianNs / p.MedianNs) : "—");
                }
                row.Add(ok ? "yes" : "NO");
                terminal.WriteLine("| " + string.Join(" | ", row) + " |");
            }
        }
    }

    public static string Ratio(double r) => r.ToString(r < 0.1 ? "F3" : "F2", CultureInfo.InvariantCulture);
}
