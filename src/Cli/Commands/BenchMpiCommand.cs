using System.CommandLine;
using System.Text.Json;
using Nacre.Cli.Apps;
using Nacre.Cli.Bench;
using Nacre.Cli.Building;
using Nacre.Cli.Hvm;
using Nacre.Cli.Infrastructure;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre bench mpi</c> (docs/mpi.md): what the HRT path adds to MPI — ping-pong latency and
/// bandwidth and Allreduce between 2 HRT ranks (each upcall mode) beside 2 Linux processes with
/// the same Open MPI, measured by one program built both ways (bench/Mpi), and CG's time on 1, 2
/// and 4 ranks both ways.
/// </summary>
public static class BenchMpiCommand
{
    public const string Description = """
        Measure MPI across ranks: ping-pong one-way latency and bandwidth (8 B to 4 MiB) and
        Allreduce latency between 2 HRT ranks (through their processes' MPI; thread and doorbell
        upcalls) beside 2 Linux processes with the same Open MPI, and CG's solve time on 1, 2 and
        4 ranks as HRTs and as Linux processes. Runs mpirun itself (as root: the
        OMPI_ALLOW_RUN_AS_ROOT variables are set). Needs a usable /dev/kvm. See docs/mpi.md.
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var reps = new Option<int>("--reps") { Description = "round trips per message size (a tenth for 1 MiB and more)", DefaultValueFactory = _ => 200, HelpName = "N" };
        var ranks = new Option<string>("--cg-ranks") { Description = "rank counts for CG (comma-separated; empty: no CG)", DefaultValueFactory = _ => "1,2,4", HelpName = "list" };
        var size = new Option<string>("--cg-size") { Description = "CG's size argument (test, small, large or N)", DefaultValueFactory = _ => "test", HelpName = "size" };
        var timeout = CommonOptions.Timeout("a run");
        var json = new Option<string>("--json") { Description = "write every sample and the CG times to this JSON file", HelpName = "file" };
        var plot = new Option<string>("--plot") { Description = "directory for the charts (PNG)", DefaultValueFactory = _ => ".nacre/bench/mpi", HelpName = "dir" };
        var command = new Command("mpi", Description) { reps, ranks, size, timeout, json, plot };
        command.SetAction(parse =>
        {
            if (!HvmRunner.IsUsable(out var reason))
                throw new NacreException($"bench mpi needs the HVM: {reason}");
            if (parse.GetValue(reps) is < 10 or > 100_000)
                throw new NacreException("--reps must be between 10 and 100000");
            var cgRanks = ParseRanks(parse.GetValue(ranks) ?? "");
            var root = RepositoryRoot.Find();
            var limit = TimeSpan.FromSeconds(parse.GetValue(timeout));
            var nacre = Path.Combine(root, "nacre");
            var bench = new AppSpec("mpibench", Path.Combine(root, "bench", "Mpi"), "", new("", 256), new("", 256), new("", 256));
            var image = ProjectBuilder.ImageOf(bench.HrtProject, terminal);
            var linux = AppRunner.PublishLinux(bench, terminal);
            var count = parse.GetValue(reps).ToString();

            var series = new List<MpiSeries>();
            foreach (var mode in new[] { "thread", "doorbell" })
            {
                terminal.Progress("bench", $"ping-pong, 2 HRT ranks, {mode} upcalls");
                series.Add(MpiBench.PingPong($"hrt-{mode}", [nacre, "run", image, "--hvm", "--mpi-upcalls", mode, "--timeout", parse.GetValue(timeout).ToString(), "--", count], limit, cancellation));
            }
            terminal.Progress("bench", "ping-pong, 2 Linux ranks");
            series.Add(MpiBench.PingPong("linux", [linux, count], limit, cancellation));

            var cg = new List<CgTiming>();
            if (cgRanks.Count > 0)
            {
                var app = AppCatalog.Find(root, "cg");
                var cgImage = AppRunner.BuildHrt(app, terminal);
                var cgLinux = AppRunner.PublishLinux(app, terminal);
                var argument = parse.GetValue(size)!;
                foreach (var r in cgRanks)
                {
                    terminal.Progress("bench", $"cg {argument} on {r} rank(s)");
                    cg.Add(MpiBench.Cg("hrt", r, [nacre, "run", cgImage, "--hvm", "--arena", "256", "--timeout", parse.GetValue(timeout).ToString(), "--", argument, "1"], limit, cancellation));
                    cg.Add(MpiBench.Cg("linux", r, [cgLinux, argument, "1"], limit, cancellation));
                }
            }

            foreach (var line in MpiBench.Report(series, cg))
                terminal.WriteLine(line);
            if (parse.GetValue(plot) is { Length: > 0 } directory)
                foreach (var path in MpiBenchPlots.Write(series, Path.Combine(root, directory)))
                    terminal.Progress("bench", $"wrote {path}");
            if (parse.GetValue(json) is { Length: > 0 } file)
            {
                File.WriteAllText(file, JsonSerializer.Serialize(new
                {
                    unit = "ns, one way (half a round trip) for ping-pong",
                    pingpong = series.Select(s => new { source = s.Source, sizes = s.PingPong.Select(p => new { bytes = p.Key, statistics = Statistics.Of(p.Value), samples = p.Value }), allreduce = new { statistics = Statistics.Of(s.Allreduce), samples = s.Allreduce } }),
                    cg = cg.Select(c => new { source = c.Source, ranks = c.Ranks, seconds = c.Seconds, passed = c.Passed, verification = c.Verification }),
                }, new JsonSerializerOptions { WriteIndented = true }));
                terminal.Progress("bench", $"wrote {file}");
            }
            return cg.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.TestsFailed;
        });
        return command;
    }

    private static List<int> ParseRanks(string text)
    {
        var ranks = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out var r) || r < 1 || r > 64)
                throw new NacreException($"--cg-ranks: '{part}' is not a rank count between 1 and 64");
            ranks.Add(r);
        }
        return ranks;
    }
}
