using System.Text.Json;
using Nacre.Host.Apps;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Bench;

/// <summary>
/// `nacre bench mpi` (docs/mpi.md): what the HRT path adds to MPI — ping-pong latency and
/// bandwidth and Allreduce between 2 HRT ranks (each upcall mode) beside 2 Linux processes with
/// the same Open MPI, measured by one program built both ways (bench/Mpi), and CG's time on
/// several rank counts both ways.
/// </summary>
public static class MpiBenchSession
{
    /// <summary>What `nacre bench mpi` was asked to do.</summary>
    public sealed record Settings(int Reps, IReadOnlyList<int> CgRanks, string CgSize, double TimeoutSeconds, string? JsonPath, string? PlotDirectory);

    /// <summary>Runs the whole comparison, prints the report and writes the charts and JSON; 1 when a CG run failed.</summary>
    public static int Run(Settings s, Terminal terminal, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find();
        var limit = TimeSpan.FromSeconds(s.TimeoutSeconds);
        var nacre = Path.Combine(root, "nacre");
        var bench = new AppSpec("mpibench", Path.Combine(root, "bench", "Mpi"), "", new("", 256), new("", 256), new("", 256));
        var image = ProjectBuilder.ImageOf(bench.HrtProject, terminal);
        var linux = AppRunner.PublishLinux(bench, terminal);
        var count = s.Reps.ToString();

        var series = new List<MpiSeries>();
        foreach (var mode in new[] { "thread", "doorbell" })
        {
            terminal.Progress("bench", $"ping-pong, 2 HRT ranks, {mode} upcalls");
            series.Add(MpiBench.PingPong($"hrt-{mode}", [nacre, "run", image, "--hvm", "--mpi-upcalls", mode, "--timeout", s.TimeoutSeconds.ToString(), "--", count], limit, cancellation));
        }
        terminal.Progress("bench", "ping-pong, 2 Linux ranks");
        series.Add(MpiBench.PingPong("linux", [linux, count], limit, cancellation));

        var cg = new List<CgTiming>();
        if (s.CgRanks.Count > 0)
        {
            var app = AppCatalog.Find(root, "cg");
            var cgImage = AppRunner.BuildHrt(app, terminal);
            var cgLinux = AppRunner.PublishLinux(app, terminal);
            var argument = s.CgSize;
            foreach (var r in s.CgRanks)
            {
                terminal.Progress("bench", $"cg {argument} on {r} rank(s)");
                cg.Add(MpiBench.Cg("hrt", r, [nacre, "run", cgImage, "--hvm", "--arena", "256", "--timeout", s.TimeoutSeconds.ToString(), "--", argument, "1"], limit, cancellation));
                cg.Add(MpiBench.Cg("linux", r, [cgLinux, argument, "1"], limit, cancellation));
            }
        }

        foreach (var line in MpiBench.Report(series, cg))
            terminal.WriteLine(line);
        if (s.PlotDirectory is { Length: > 0 } directory)
            foreach (var path in MpiBenchPlots.Write(series, Path.Combine(root, directory)))
                terminal.Progress("bench", $"wrote {path}");
        if (s.JsonPath is { Length: > 0 } file)
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
    }
}
