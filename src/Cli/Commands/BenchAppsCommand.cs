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
        Nacre.Runtimes.Parallel runtime at two sizes on 1..N CPUs, three ways: a Linux process;
        the HRT image booted on its own (in the HVM where /dev/kvm is usable, else QEMU, whose
        TCG times show function, not speed); and the HVM Invoke path, where the Linux process
        builds the problem in the arena and calls the HRT's solver on it. Every run must print
        the same verification lines. Writes a table to stdout and apps.json, apps-times.png,
        apps-scaling.png to --out.
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
        var hrt = new Option<string>("--hrt") { Description = "where HRT images boot: auto (the HVM if usable, else QEMU), qemu, hvm, none", DefaultValueFactory = _ => "auto", HelpName = "mode" };
        var noInvoke = new Option<bool>("--no-invoke") { Description = "skip the HVM Invoke path (it runs only where the HVM is usable)" };
        var output = new Option<string>("--out") { Description = "directory for apps.json and the charts", DefaultValueFactory = _ => ".nacre/bench/apps", HelpName = "dir" };
        var timeout = CommonOptions.Timeout("the run");
        var trace = new Option<bool>("--trace")
        {
            Description = "trace each HRT run (QEMU only; --hrt auto then means QEMU) into --out as trace-<app>-<size>-<N>cpu.json (Chrome trace-event JSON, docs/tracing.md)",
        };

        var sweep = new Option<bool>("--sweep")
        {
            Description = "instead: the grain sweep — fork-join, BSP stencil, circuit and CG from coarse to fine grain, Linux vs the HRT on the largest --cpus, with the crossover grain; sweep.json and sweep-speedup.png to --out",
        };
        var tiny = new Option<bool>("--tiny") { Description = "with --sweep: tiny problems, two points per workload (for tests)" };

        var command = new Command("apps", Description) { apps, sizes, cpus, repeat, hrt, noInvoke, output, timeout, trace, sweep, tiny };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
            var selected = Split(parse.GetValue(apps)!).Select(name => AppCatalog.Find(root, name)).ToList();
            var sizeNames = Split(parse.GetValue(sizes)!);
            var cpuCounts = parse.GetValue(cpus) is { } list ? Split(list).Select(int.Parse).ToList() : Enumerable.Range(1, Environment.ProcessorCount).ToList();
            bool hvmUsable = AppRunner.HvmUsable(out var hvmReason);
            bool traced = parse.GetValue(trace);
            var mode = parse.GetValue(hrt) switch
            {
                "auto" => hvmUsable && !traced ? HrtMode.Hvm : HrtMode.Qemu,
                "qemu" => (HrtMode?)HrtMode.Qemu,
                "hvm" => hvmUsable ? HrtMode.Hvm : throw new NacreException($"--hrt hvm: {hvmReason}"),
                "none" => null,
                var other => throw new NacreException($"--hrt must be auto, qemu, hvm or none, got '{other}'"),
            };
            if (traced && mode != HrtMode.Qemu)
                throw new NacreException(mode is null ? "--trace traces HRT runs, and --hrt none has none" : Tracing.TraceCapture.HvmNotYet);
            if (parse.GetValue(sweep))
            {
                if (mode is null) throw new NacreException("--sweep compares Linux with the HRT, and --hrt none has none");
                if (traced) throw new NacreException("--sweep does not trace");
                var plan = Apps.GrainSweep.Plan(root, parse.GetValue(tiny));
                return SweepRunner.Run(new SweepRunner.Settings(plan, cpuCounts.Max(), Math.Max(1, parse.GetValue(repeat)), mode.Value,
                    Path.GetFullPath(parse.GetValue(output)!), TimeSpan.FromSeconds(parse.GetValue(timeout))), terminal, cancellation);
            }
            if (parse.GetValue(tiny)) throw new NacreException("--tiny is an option of --sweep");
            bool invoke = hvmUsable && !parse.GetValue(noInvoke);
            if (!hvmUsable) terminal.Note($"the HVM is not usable here ({hvmReason}): no HVM runs, no Invoke path");
            var settings = new Settings(selected, sizeNames, cpuCounts, Math.Max(1, parse.GetValue(repeat)), mode, invoke,
                Path.GetFullPath(parse.GetValue(output)!), TimeSpan.FromSeconds(parse.GetValue(timeout)), traced);
            return Run(settings, terminal, cancellation);
        });
        return command;
    }

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private sealed record Settings(IReadOnlyList<AppSpec> Apps, IReadOnlyList<string> Sizes, IReadOnlyList<int> Cpus, int Repeat, HrtMode? Mode, bool Invoke, string OutputDirectory, TimeSpan Timeout, bool Trace)
    {
        public string HrtPlatform => Mode == HrtMode.Hvm ? "hrt-hvm" : "hrt-qemu";
        public IReadOnlyList<string> Platforms => new[] { "linux", Mode is null ? null : HrtPlatform, Invoke ? "hrt-invoke" : null }.OfType<string>().ToList();
    }

    /// <summary>One point: an app at a size on some CPUs, on one platform.</summary>
    public sealed record Point(string App, string Size, string Argument, string Platform, int Cpus, double MedianNs, double MinNs, ulong MedianCycles, int Runs, bool Passed, string Verification);

    private static int Run(Settings s, Terminal terminal, CancellationToken cancellation)
    {
        var points = new List<Point>();
        bool allPassed = true;
        foreach (var app in s.Apps)
        {
            var linux = AppRunner.PublishLinux(app, terminal);
            var image = s.Mode is null && !s.Invoke ? null : AppRunner.BuildHrt(app, terminal);
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
                    if (s.Mode is { } mode)
                    {
                        // QEMU once (its times are only functional); the HVM as often as Linux.
                        var hrtRuns = new List<AppOutput>();
                        string? traceFile = null;
                        if (s.Trace)
                        {
                            Directory.CreateDirectory(s.OutputDirectory);
                            traceFile = Path.Combine(s.OutputDirectory, $"trace-{app.Name}-{sizeName}-{n}cpu.json");
                        }
                        for (int r = 0; r < (mode == HrtMode.Qemu ? 1 : s.Repeat); r++)
                            hrtRuns.Add(AppRunner.RunHrtApp(image!, size.Argument, n, size.MemoryMiB, s.Timeout, mode, cancellation,
                                r == 0 ? traceFile : null, line => terminal.Progress("trace", line)));
                        points.Add(Summarise(app, sizeName, size, s.HrtPlatform, n, hrtRuns));
                        terminal.Progress("bench", Describe(points[^1]));
                    }
                    if (s.Invoke)
                    {
                        var invokeRuns = new List<AppOutput>();
                        for (int r = 0; r < s.Repeat; r++)
                            invokeRuns.Add(AppRunner.RunInvoke(linux, image!, size.Argument, n, s.Timeout, cancellation));
                        points.Add(Summarise(app, sizeName, size, "hrt-invoke", n, invokeRuns));
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

    internal static string Ms(double ns) => (ns / 1e6).ToString(ns < 1e7 ? "F3" : "F1", CultureInfo.InvariantCulture);

    private static void PrintTable(List<Point> points, Settings s, Terminal terminal)
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

    internal static string Ratio(double r) => r.ToString(r < 0.1 ? "F3" : "F2", CultureInfo.InvariantCulture);
}
