using System.CommandLine;
using Nacre.Host.Bench;
using Nacre.Host.Building;
using Nacre.Host.Machines;
using Nacre.Host.Infrastructure;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre bench hvm</c>: what the HVM costs a Linux process — booting an HRT and calling into
/// it — beside process start-up and thread round trips measured in the same run (HvmBench).
/// </summary>
public static class BenchHvmCommand
{
    public const string Description = """
        Measure the HVM: boot time of an HRT (to Main, to ready for invoke) beside a Linux process
        start (posix_spawn of /bin/true and of a NativeAOT hello-world), and the invoke round trip
        of an empty export beside a direct call and a round trip between two Linux threads.
        Needs a usable /dev/kvm. Numbers in TSC cycles and ns; see docs/benchmarks.md.
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var cpus = CommonOptions.Cpus(2);
        var rounds = new Option<int>("--rounds") { Description = "boots (and process starts) measured", DefaultValueFactory = _ => 30, HelpName = "N" };
        var samples = new Option<int>("--samples") { Description = "invoke round trips measured", DefaultValueFactory = _ => 100_000, HelpName = "N" };
        var json = new Option<string>("--json") { Description = "write the statistics to this JSON file", HelpName = "file" };
        var plot = new Option<string>("--plot") { Description = "the start-up CDF chart (PNG)", DefaultValueFactory = _ => ".nacre/bench/hvm/startup.png", HelpName = "file" };
        var command = new Command("hvm", Description) { cpus, rounds, samples, json, plot };
        command.SetAction(parse =>
        {
            if (!HvmRunner.IsUsable(out var reason))
                throw new NacreException($"bench hvm needs the HVM: {reason}");
            if (parse.GetValue(rounds) < 1 || parse.GetValue(samples) < 1000)
                throw new NacreException("--rounds must be at least 1 and --samples at least 1000");
            var root = RepositoryRoot.Find();
            var image = ProjectBuilder.ImageOf(Path.Combine(root, HvmBench.GuestProject), terminal);
            terminal.Progress("bench", "NativeAOT hello-world for the process-start baseline");
            var aot = HvmBench.BuildAotHello(Path.Combine(root, "obj", "bench-aothello"), out var why);
            if (aot is null) terminal.Note(why!);

            var bench = new HvmBench(image, parse.GetValue(cpus), parse.GetValue(rounds), parse.GetValue(samples), text => terminal.Progress("bench", text));
            bench.Run(aot);
            foreach (var line in HvmBenchReport.Lines(bench)) terminal.WriteLine(line);
            if (parse.GetValue(plot) is { Length: > 0 } png)
                terminal.Progress("bench", $"wrote {StartupComparison.WritePlot(bench.Startup, bench.TscHz, Path.Combine(root, png))}");
            if (parse.GetValue(json) is { Length: > 0 } path)
            {
                HvmBenchReport.WriteJson(bench, path);
                terminal.Progress("bench", $"wrote {path}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
