using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nacre.Cli.Apps;
using Nacre.Cli.Infrastructure;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre bench apps</c>: every application of apps/ at two sizes on 1..N CPUs, as a Linux
/// process and as an HRT, with the same inputs; checks that every run printed the same
/// verification lines, and writes a table (stdout), apps.json and two PNG charts.
/// </summary>
public static class BenchAppsCommand
{
    public const string Description = """
        Benchmark the applications of apps/ (NAS EP, HPCG-style CG, Legion-style circuit) on the
        Nacre.Runtimes.Parallel runtime: Linux process vs HRT, at two sizes, on 1..N CPUs.
        Every run must print the same verification lines. The HRT runs under QEMU (TCG: its times
        show function, not speed) until the HVM mode is wired (--hrt hvm).
        Writes a table to stdout and apps.json, apps-times.png, apps-scaling.png to --out.
        """;

    /// <summary>Adds `apps` under the `bench` command, creating `bench` if no one else has.</summary>
    public static void Register(RootCommand root, Terminal terminal, CancellationToken cancellation)
    {
        var bench = root.Subcommands.FirstOrDefault(c => c.Name == "bench");
        if (bench is null)
        {
            bench = new Command("bench", "Benchmarks (see the subcommands)");
            root.Subcommands.Add(bench);
        }
        bench.Subcommands.Add(Create(terminal, cancellation));
    }

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var apps = new Option<string>("--apps") { Description = "comma-separated applications", DefaultValueFactory = _ => "ep,cg,circuit", HelpName = "list" };
        var sizes = new Option<string>("--sizes") { Description = "comma-separated sizes: test, small, large", DefaultValueFactory = _ => "small,large", HelpName = "list" };
        var cpus = new Option<string>("--cpus") { Description = "comma-separated CPU counts (default 1..all)", HelpName = "list" };
        var repeat = new Option<int>("--repeat") { Description = "Linux runs per point (the median is reported)", DefaultValueFactory = _ => 3, HelpName = "N" };
        var hrt = new Option<string>("--hrt") { Description = "where HRT images run: qemu, hvm, none", DefaultValueFactory = _ => "qemu", HelpName = "mode" };
        var output = new Option<string>("--out") { Description = "directory for apps.json and the charts", DefaultValueFactory = _ => ".nacre/bench/apps", HelpName = "dir" };
        var timeout = CommonOptions.Timeout("the run");

        var command = new Command("apps", Description) { apps, sizes, cpus, repeat, hrt, output, timeout };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
            var selected = Split(parse.GetValue(apps)!).Select(name => AppCatalog.Find(root, name)).ToList();
            var sizeNames = Split(parse.GetValue(sizes)!);
            var cpuCounts = parse.GetValue(cpus) is { } list ? Split(list).Select(int.Parse).ToList() : Enumerable.Range(1, Environment.ProcessorCount).ToList();
            var mode = parse.GetValue(hrt) switch
            {
                "qemu" => (HrtMode?)HrtMode.Qemu,
                "hvm" => HrtMode.Hvm,
                "none" => null,
                var other => throw new NacreException($"--hrt must be qemu, hvm or none, got '{other}'"),
            };
            var settings = new Settings(selected, sizeNames, cpuCounts, Math.Max(1, parse.GetValue(repeat)), mode,
                Path.GetFullPath(parse.GetValue(output)!), TimeSpan.FromSeconds(parse.GetValue(timeout)));
            return Run(settings, terminal, cancellation);
        });
        return command;
    }

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private sealed record Settings(IReadOnlyList<AppSpec> Apps, IReadOnlyList<string> Sizes, IReadOnlyList<int> Cpus, int Repeat, HrtMode? Mode, string OutputDirectory, TimeSpan Timeout);

    /// <summary>One point: an app at a size on some CPUs, on one platform.</summary>
    public sealed record Point(string App, string Size, string Argument, string Platform, int Cpus, double MedianNs, double MinNs, ulong MedianCycles, int Runs, bool Passed, string Verification);

    private static int Run(Settings s, Terminal terminal, CancellationToken cancellation)
    {
        var points = new List<Point>();
        bool allPassed = true;
        foreach (var app in s.Apps)
        {
            var linux = AppRunner.PublishLinux(app, terminal);
            var image = s.Mode is null ? null : AppRunner.BuildHrt(app, terminal);
            foreach (var sizeName in s.Sizes)
            {
                var size = sizeName switch { "test" => app.Test, "small" => app.Small, "large" => app.Large, _ => throw new NacreException($"unknown size '{sizeName}'") };
                var verifications = new HashSet<string>();
                foreach (var n in s.Cpus)
                {
                    var runs = new List<AppOutput>();
                    for (int r = 0; r < s.Repeat; r++)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        runs.Add(AppRunner.RunLinux(linux, size.Argument, n, s.Timeout, cancellation));
                    }
                    points.Add(Summarise(app, sizeName, size, "linux", n, runs));
                    terminal.Progress("bench", Describe(points[^1]));
                    if (image is not null)
                    {
                        var hrtRun = AppRunner.RunHrtApp(image, size.Argument, n, size.MemoryMiB, s.Timeout, s.Mode!.Value, cancellation);
                        points.Add(Summarise(app, sizeName, size, s.Mode == HrtMode.Hvm ? "hrt-hvm" : "hrt-qemu", n, [hrtRun]));
                        terminal.Progress("bench", Describe(points[^1]));
                    }
                }
                foreach (var p in points.Where(p => p.App == app.Name && p.Size == sizeName))
                {
                    verifications.Add(p.Verification);
                    allPassed &= p.Passed;
                }
                if (verifications.Count != 1)
                {
                    allPassed = false;
                    terminal.Note($"{app.Name} {sizeName}: the runs disagree:\n  {string.Join("\n  ", verifications)}");
                }
            }
        }

        PrintTable(points, s, terminal);
        Directory.CreateDirectory(s.OutputDirectory);
        var json = Path.Combine(s.OutputDirectory, "apps.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            machine = new { cpus = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
            hrtMode = s.Mode?.ToString().ToLowerInvariant() ?? "none",
            hrtTimesAreFunctionalOnly = s.Mode == HrtMode.Qemu,
            verified = allPassed,
            points,
        }, new JsonSerializerOptions { WriteIndented = true }));
        AppCharts.Write(points, s.OutputDirectory, s.Mode == HrtMode.Qemu);
        terminal.Progress("bench", $"wrote {json}, apps-times.png and apps-scaling.png");
        terminal.WriteLine(allPassed ? "verified: every run passed and agreed" : "verified: NO (see the notes above)");
        return allPassed ? 0 : 1;
    }

    private static Point Summarise(AppSpec app, string sizeName, AppSize size, string platform, int cpus, IReadOnlyList<AppOutput> runs)
    {
        var ns = runs.Select(r => (double)r.Nanoseconds).OrderBy(x => x).ToList();
        var cycles = runs.Select(r => r.Cycles).OrderBy(x => x).ToList();
        bool passed = runs.All(r => r.Passed);
        var keys = runs.Select(r => r.VerificationKey).Distinct().ToList();
        return new Point(app.Name, sizeName, size.Argument, platform, cpus, ns[ns.Count / 2], ns[0], cycles[cycles.Count / 2], runs.Count,
            passed && keys.Count == 1, keys.Count == 1 ? keys[0] : "inconsistent: " + string.Join(" | ", keys));
    }

    private static string Describe(Point p) =>
        $"{p.App} {p.Size} ({p.Argument}) {p.Platform} cpus={p.Cpus}: {Ms(p.MedianNs)} ms{(p.Passed ? "" : " FAILED")}";

    private static string Ms(double ns) => (ns / 1e6).ToString(ns < 1e7 ? "F3" : "F1", CultureInfo.InvariantCulture);

    private static void PrintTable(List<Point> points, Settings s, Terminal terminal)
    {
        var hrtName = s.Mode == HrtMode.Hvm ? "hrt-hvm" : "hrt-qemu";
        terminal.WriteLine("");
        terminal.WriteLine($"| app | size | cpus | Linux ms (median / min of {s.Repeat}) | HRT ms ({(s.Mode == HrtMode.Qemu ? "QEMU TCG, functional only" : s.Mode?.ToString() ?? "not run")}) | HRT/Linux speedup | Linux scaling | HRT scaling | verified |");
        terminal.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var group in points.GroupBy(p => (p.App, p.Size)))
        {
            var linux = group.Where(p => p.Platform == "linux").ToDictionary(p => p.Cpus);
            var hrt = group.Where(p => p.Platform == hrtName).ToDictionary(p => p.Cpus);
            double? linux1 = linux.TryGetValue(1, out var l1) ? l1.MedianNs : null, hrt1 = hrt.TryGetValue(1, out var h1) ? h1.MedianNs : null;
            foreach (var n in linux.Keys.Order())
            {
                var l = linux[n];
                hrt.TryGetValue(n, out var h);
                string speedup = h is null ? "—" : s.Mode == HrtMode.Qemu ? $"({(l.MedianNs / h.MedianNs).ToString("F3", CultureInfo.InvariantCulture)}, TCG)" : (l.MedianNs / h.MedianNs).ToString("F2", CultureInfo.InvariantCulture);
                string ls = linux1 is null ? "—" : (linux1.Value / l.MedianNs).ToString("F2", CultureInfo.InvariantCulture);
                string hs = h is null || hrt1 is null ? "—" : (hrt1.Value / h.MedianNs).ToString("F2", CultureInfo.InvariantCulture);
                bool ok = l.Passed && (h?.Passed ?? true) && (h is null || h.Verification == l.Verification);
                terminal.WriteLine($"| {group.Key.App} | {group.Key.Size} ({l.Argument}) | {n} | {Ms(l.MedianNs)} / {Ms(l.MinNs)} | {(h is null ? "—" : Ms(h.MedianNs))} | {speedup} | {ls} | {hs} | {(ok ? "yes" : "NO")} |");
            }
        }
    }
}
