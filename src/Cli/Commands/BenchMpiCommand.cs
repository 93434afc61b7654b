using System.CommandLine;
using Nacre.Host.Bench;
using Nacre.Host.Machines;
using Nacre.Host.Infrastructure;

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
            var settings = new MpiBenchSession.Settings(parse.GetValue(reps), cgRanks, parse.GetValue(size)!, parse.GetValue(timeout), parse.GetValue(json), parse.GetValue(plot));
            return MpiBenchSession.Run(settings, terminal, cancellation);
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
