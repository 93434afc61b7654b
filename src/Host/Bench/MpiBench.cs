using Nacre.Host.Apps;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Bench;

/// <summary>One side of the ping-pong comparison: every one-way latency sample (ns) per message size, and the Allreduce samples.</summary>
public sealed record MpiSeries(string Source, IReadOnlyDictionary<int, long[]> PingPong, long[] Allreduce);

/// <summary>One CG run across ranks: rank 0's solve time and what it converged to.</summary>
public sealed record CgTiming(string Source, int Ranks, double Seconds, string Verification, bool Passed);

/// <summary>
/// `nacre bench mpi` (docs/mpi.md): runs bench/Mpi's program on 2 ranks as HRTs (each upcall mode)
/// and as Linux processes under the same Open MPI, and CG on 1, 2 and 4 ranks both ways, each
/// under mpirun as a person would; parses what rank 0 printed.
/// </summary>
public static class MpiBench
{
    /// <summary>What mpirun needs to start ranks here as root (docs/mpi.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["OMPI_ALLOW_RUN_AS_ROOT"] = "1",
        ["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1",
        // Rank 0's stdout is a pseudo-terminal (Open MPI's), on which .NET would start its
        // output with the terminal's keypad sequence; a dumb terminal has none.
        ["TERM"] = "dumb",
    };

    /// <summary>Runs <c>mpirun -n ranks --oversubscribe</c> with the command and returns rank 0's stdout lines.</summary>
    public static IReadOnlyList<string> Mpirun(int ranks, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellation)
    {
        var lines = new List<string>();
        var errors = new List<string>();
        var result = ChildProcess.Run("mpirun", ["-n", ranks.ToString(), "--oversubscribe", .. command],
            line => { lock (lines) lines.Add(line); }, line => { lock (errors) errors.Add(line); },
            timeout: timeout, environment: Environment, cancellation: cancellation);
        if (result.Cancelled) throw new OperationCanceledException(cancellation);
        if (result.TimedOut) throw new NacreException($"mpirun -n {ranks} {string.Join(' ', command)} timed out after {Seconds.Format(timeout)}");
        if (result.ExitCode != 0)
            throw new NacreException($"mpirun -n {ranks} {string.Join(' ', command)} exited with {result.ExitCode}:\n{string.Join('\n', errors.TakeLast(15))}");
        return lines;
    }

    public static MpiSeries PingPong(string source, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellation)
    {
        var sizes = new SortedDictionary<int, long[]>();
        long[] allreduce = [];
        foreach (var output in Mpirun(2, command, timeout, cancellation))
        {
            // Open MPI gives rank 0 a pseudo-terminal, so .NET may start its first line with a
            // terminal control sequence: the protocol starts wherever "mpibench: " does.
            var at = output.IndexOf("mpibench: ", StringComparison.Ordinal);
            if (at < 0) continue;
            var line = output[at..];
            var samples = line[(line.IndexOf(" ns=", StringComparison.Ordinal) + 4)..].Split(',').Select(long.Parse).ToArray();
            if (line.StartsWith("mpibench: pingpong bytes=", StringComparison.Ordinal))
                sizes[int.Parse(line["mpibench: pingpong bytes=".Length..line.IndexOf(' ', "mpibench: pingpong bytes=".Length)])] = samples;
            else if (line.StartsWith("mpibench: allreduce", StringComparison.Ordinal))
                allreduce = samples;
        }
        if (sizes.Count == 0 || allreduce.Length == 0)
            throw new NacreException($"{source}: the benchmark printed no samples");
        return new MpiSeries(source, sizes, allreduce);
    }

    public static CgTiming Cg(string source, int ranks, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellation)
    {
        var output = AppOutput.Parse([.. Mpirun(ranks, command, timeout, cancellation)]);
        return new CgTiming(source, ranks, output.Nanoseconds / 1e9, string.Join(' ', output.Verification), output.Passed);
    }

    /// <summary>The table: one-way latency medians and bandwidth per size, side by side; Allreduce; CG.</summary>
    public static IEnumerable<string> Report(IReadOnlyList<MpiSeries> series, IReadOnlyList<CgTiming> cg)
    {
        yield return "ping-pong between 2 ranks, one-way latency (half a round trip), median and p99 in µs; bandwidth at the median in MB/s";
        yield return $"{"bytes",10}" + string.Concat(series.Select(s => $"{s.Source + " med",22}{"p99",10}{"MB/s",10}"));
        foreach (var size in series[0].PingPong.Keys)
        {
            var row = $"{size,10}";
            foreach (var s in series)
            {
                var stats = Statistics.Of(s.PingPong[size]);
                row += $"{stats.Median / 1e3,22:F1}{stats.P99 / 1e3,10:F1}{size / (double)Math.Max(stats.Median, 1) * 1e3,10:F0}";
            }
            yield return row;
        }
        yield return "";
        yield return "Allreduce of one double on 2 ranks: " + string.Join("; ", series.Select(s =>
        {
            var stats = Statistics.Of(s.Allreduce);
            return $"{s.Source} {stats.Median / 1e3:F1} µs median, {stats.P99 / 1e3:F1} µs p99";
        }));
        var linux = series.FirstOrDefault(s => s.Source == "linux");
        if (linux is not null)
        {
            foreach (var hrt in series.Where(s => s != linux))
            {
                var small = Statistics.Of(hrt.PingPong[8]).Median - Statistics.Of(linux.PingPong[8]).Median;
                var megabyte = hrt.PingPong.ContainsKey(1 << 20) ? (1 << 20) / (double)Statistics.Of(hrt.PingPong[1 << 20]).Median * 1e3 : double.NaN;
                var linuxMegabyte = linux.PingPong.ContainsKey(1 << 20) ? (1 << 20) / (double)Statistics.Of(linux.PingPong[1 << 20]).Median * 1e3 : double.NaN;
                yield return $"{hrt.Source}: adds {small / 1e3:F2} µs to 8-byte latency (goal ≤ 1 µs: {(small <= 1000 ? "met" : "not met")}); "
                    + $"1 MiB bandwidth {megabyte:F0} MB/s beside Linux's {linuxMegabyte:F0} MB/s";
            }
        }
        if (cg.Count > 0)
        {
            yield return "";
            yield return "CG across ranks (rank 0's solve time; verification line)";
            foreach (var run in cg)
                yield return $"  {run.Source,-8} {run.Ranks} rank(s) {run.Seconds,9:F3} s  {(run.Passed ? "PASSED" : "FAILED")}  {run.Verification}";
        }
    }
}
