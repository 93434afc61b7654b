using System.Globalization;
using System.Text.Json;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Apps;

/// <summary>
/// Runs a grain sweep (GrainSweep.Plan): every step of every workload as a Linux process and as
/// an HRT on the same CPUs, checks that both printed the same verification lines and passed, and
/// reports HRT-over-Linux speedup against the work per synchronisation — a table and the
/// crossover grain per workload on the terminal, sweep.json and sweep-speedup.png in the output
/// directory.
/// </summary>
public static class SweepRunner
{
    public sealed record Settings(IReadOnlyList<SweepSeries> Plan, int Cpus, int Repeat, HrtMode Mode, string OutputDirectory, TimeSpan Timeout);

    /// <summary>
    /// One step: grain = Linux's fastest time × CPUs / synchronisations (the CPU time between two
    /// synchronisations of one worker, the same x for both platforms); speedup = Linux / HRT.
    /// </summary>
    public sealed record SweepPoint(string Workload, string Argument, string Label, int Cpus, ulong Syncs, double GrainNs,
        double LinuxMedianNs, double LinuxMinNs, double HrtMedianNs, double HrtMinNs, int Runs, double Speedup, bool Verified, string Verification);

    public static int Run(Settings s, Terminal terminal, CancellationToken cancellation)
    {
        var points = new List<SweepPoint>();
        var executables = new Dictionary<string, (string Linux, string Image)>();
        foreach (var series in s.Plan)
        {
            if (!executables.TryGetValue(series.App.Name, out var built))
                executables[series.App.Name] = built = (AppRunner.PublishLinux(series.App, terminal), AppRunner.BuildHrt(series.App, terminal));
            foreach (var step in series.Steps)
            {
                var linux = new List<AppOutput>();
                var hrt = new List<AppOutput>();
                for (int r = 0; r < s.Repeat; r++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    linux.Add(AppRunner.RunLinux(built.Linux, step.Argument, s.Cpus, s.Timeout, cancellation));
                    if (r == 0 || s.Mode == HrtMode.Hvm)   // QEMU once: its times are only functional
                        hrt.Add(AppRunner.RunHrtApp(built.Image, step.Argument, s.Cpus, series.MemoryMiB, s.Timeout, s.Mode, cancellation));
                }
                points.Add(Summarise(series.Workload, step, s.Cpus, linux, hrt));
                var p = points[^1];
                terminal.Progress("sweep", $"{p.Workload} {p.Argument}: grain {Grain(p.GrainNs)}, Linux {Ms(p.LinuxMedianNs)} ms, HRT {Ms(p.HrtMedianNs)} ms, speedup {Ratio(p.Speedup)}{(p.Verified ? "" : " NOT VERIFIED")}");
            }
        }

        bool verified = points.All(p => p.Verified);
        var crossovers = s.Plan.Select(series => series.Workload).Distinct().ToDictionary(w => w,
            w => GrainSweep.Crossover(points.Where(p => p.Workload == w).Select(p => (p.GrainNs, p.Speedup)).ToList()));
        PrintTable(points, crossovers, s, terminal);

        Directory.CreateDirectory(s.OutputDirectory);
        var json = Path.Combine(s.OutputDirectory, "sweep.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            machine = new { cpus = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
            hrtMode = s.Mode.ToString().ToLowerInvariant(),
            hrtTimesAreFunctionalOnly = s.Mode == HrtMode.Qemu,
            cpus = s.Cpus,
            repeat = s.Repeat,
            verified,
            crossovers = crossovers.Select(c => new { workload = c.Key, grainNs = c.Value, description = Describe(c.Key, c.Value, points) }),
            points,
        }, new JsonSerializerOptions { WriteIndented = true }));
        var chart = Path.Combine(s.OutputDirectory, "sweep-speedup.png");
        SweepChart.Write(points, chart, s.Mode == HrtMode.Qemu);
        terminal.Progress("sweep", $"wrote {json} and {chart}");
        terminal.WriteLine(verified ? "verified: every run passed and Linux and the HRT agreed" : "verified: NO (see the table)");
        return verified ? 0 : 1;
    }

    private static SweepPoint Summarise(string workload, SweepStep step, int cpus, List<AppOutput> linux, List<AppOutput> hrt)
    {
        static (double Median, double Min) Times(List<AppOutput> runs)
        {
            var ns = runs.Select(r => (double)r.Nanoseconds).Order().ToList();
            return (ns[(ns.Count - 1) / 2], ns[0]);
        }
        var (lm, lmin) = Times(linux);
        var (hm, hmin) = Times(hrt);
        var keys = linux.Concat(hrt).Select(r => r.VerificationKey).Distinct().ToList();
        ulong syncs = linux[0].Syncs;
        bool ok = linux.Concat(hrt).All(r => r.Passed && r.Syncs == syncs) && keys.Count == 1 && syncs > 0;
        double grain = syncs > 0 ? lmin * cpus / syncs : 0;   // the fastest run: the least waiting for a busy host
        return new SweepPoint(workload, step.Argument, step.Label, cpus, syncs, grain, lm, lmin, hm, hmin, linux.Count,
            hm > 0 ? lm / hm : 0, ok, keys.Count == 1 ? keys[0] : "inconsistent: " + string.Join(" | ", keys));
    }

    private static string Describe(string workload, double? crossover, List<SweepPoint> points)
    {
        var mine = points.Where(p => p.Workload == workload).ToList();
        if (crossover is { } g)
        {
            // The crossover is the first change of side from the finest grain up: the finest point says which side.
            var finest = mine.Where(p => p.GrainNs > 0 && p.Speedup > 0).MinBy(p => p.GrainNs)!;
            return finest.Speedup >= 1
                ? $"the HRT is faster below about {Grain(g)} of work per synchronisation"
                : $"the HRT is slower below about {Grain(g)} of work per synchronisation, faster just above";
        }
        if (mine.Count > 0 && mine.All(p => p.Speedup >= 1)) return "the HRT is faster at every grain measured";
        return "the HRT is not faster at any grain measured";
    }

    private static void PrintTable(List<SweepPoint> points, Dictionary<string, double?> crossovers, Settings s, Terminal terminal)
    {
        terminal.WriteLine("");
        terminal.WriteLine($"Grain sweep on {s.Cpus} CPU{(s.Cpus == 1 ? "" : "s")}: times in ms, median / min of {s.Repeat}{(s.Mode == HrtMode.Qemu ? " (QEMU: one run, TCG, functional only)" : "")}; " +
            "grain = Linux CPU time (fastest run) per synchronisation of a worker; speedup = Linux median / HRT median.");
        terminal.WriteLine($"| workload | size | grain | syncs | Linux | {(s.Mode == HrtMode.Hvm ? "HRT booted in the HVM" : "HRT (QEMU TCG)")} | speedup | verified |");
        terminal.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var p in points)
            terminal.WriteLine($"| {p.Workload} | {p.Argument} ({p.Label}) | {Grain(p.GrainNs)} | {p.Syncs:N0} | {Ms(p.LinuxMedianNs)} / {Ms(p.LinuxMinNs)} | " +
                $"{Ms(p.HrtMedianNs)} / {Ms(p.HrtMinNs)} | {Ratio(p.Speedup)}{(s.Mode == HrtMode.Qemu ? " (TCG)" : "")} | {(p.Verified ? "yes" : "NO: " + p.Verification)} |");
        terminal.WriteLine("");
        foreach (var (workload, crossover) in crossovers)
            terminal.WriteLine($"crossover {workload}: {Describe(workload, crossover, points)}");
    }

    private static string Grain(double ns) => ns switch
    {
        >= 1e6 => (ns / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " µs",
        _ => ns.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Ms(double ns) => AppsTable.Ms(ns);

    private static string Ratio(double r) => AppsTable.Ratio(r);
}
