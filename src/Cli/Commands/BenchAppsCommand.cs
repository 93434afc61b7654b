using System.CommandLine;
using Nacre.Host.Apps;
using Nacre.Host.Infrastructure;
using Nacre.Host.Tracing;

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
                throw new NacreException(mode is null ? "--trace traces HRT runs, and --hrt none has none" : TraceCapture.HvmNotYet);
            if (parse.GetValue(sweep))
            {
                if (mode is null) throw new NacreException("--sweep compares Linux with the HRT, and --hrt none has none");
                if (traced) throw new NacreException("--sweep does not trace");
                var plan = GrainSweep.Plan(root, parse.GetValue(tiny));
                return SweepRunner.Run(new SweepRunner.Settings(plan, cpuCounts.Max(), Math.Max(1, parse.GetValue(repeat)), mode.Value,
                    Path.GetFullPath(parse.GetValue(output)!), TimeSpan.FromSeconds(parse.GetValue(timeout))), terminal, cancellation);
            }
            if (parse.GetValue(tiny)) throw new NacreException("--tiny is an option of --sweep");
            bool invoke = hvmUsable && !parse.GetValue(noInvoke);
            if (!hvmUsable) terminal.Note($"the HVM is not usable here ({hvmReason}): no HVM runs, no Invoke path");
            var settings = new AppsBench.Settings(selected, sizeNames, cpuCounts, Math.Max(1, parse.GetValue(repeat)), mode, invoke,
                Path.GetFullPath(parse.GetValue(output)!), TimeSpan.FromSeconds(parse.GetValue(timeout)), traced);
            return AppsBench.Run(settings, terminal, cancellation);
        });
        return command;
    }

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
