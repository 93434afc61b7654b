using System.Diagnostics;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Mpi;

/// <summary>
/// <c>mpirun -n R --oversubscribe ./nacre …</c> as a real process, as a person would start it
/// (as root here, which Open MPI refuses unless told: OMPI_ALLOW_RUN_AS_ROOT{,_CONFIRM}). A run
/// that outlives its deadline is killed with its whole tree and fails the test: no test hangs.
/// </summary>
public static class Mpirun
{
    public static CliResultWithTime Run(int ranks, TimeSpan deadline, params string[] nacreArguments) =>
        RunProgram(ranks, deadline, Repository.PathOf("nacre"), nacreArguments);

    /// <summary><c>mpirun -n R --oversubscribe program args</c>.</summary>
    public static CliResultWithTime RunProgram(int ranks, TimeSpan deadline, string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("mpirun")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-n", ranks.ToString(), "--oversubscribe", program, .. arguments])
            startInfo.ArgumentList.Add(arg);
        startInfo.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        startInfo.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        startInfo.Environment["TERM"] = "dumb";   // see MpiBench.Environment
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start mpirun (scripts/setup.sh installs Open MPI)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"mpirun -n {ranks} {program} {string.Join(' ', arguments)} did not end within {deadline.TotalSeconds} s:\n--- stdout\n{stdout.Result}\n--- stderr\n{stderr.Result}");
        }
        return new CliResultWithTime(new CliResult(process.ExitCode, stdout.Result, stderr.Result), watch.Elapsed);
    }
}

public sealed record CliResultWithTime(CliResult Result, TimeSpan Elapsed)
{
    public override string ToString() => $"after {Elapsed.TotalSeconds:0.0} s: {Result}";
}
