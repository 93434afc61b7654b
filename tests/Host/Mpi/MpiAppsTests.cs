using System.Text.RegularExpressions;
using Nacre.Host.Apps;
using Nacre.Host.Tests.Hvm;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Mpi;

/// <summary>
/// The applications across ranks (docs/mpi.md): EP shared out over 2 ranks gives the single
/// process's bits, CG over 2 ranks converges in the same number of iterations (±1), and the HRTs
/// under mpirun print the same verification as the same source built for Linux and run under
/// mpirun with the same number of ranks.
/// </summary>
public sealed partial class MpiAppsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(300);

    [KvmFact]
    public void EpAcrossRanksHasTheSingleProcessBits()
    {
        var (alone, hrts, linux) = Runs("ep");
        Assert.Equal(alone.Verification, hrts.Verification);
        Assert.Equal(alone.Verification, linux.Verification);
        Assert.Contains("ranks=2", hrts.Header);
    }

    [KvmFact]
    public void CgAcrossRanksConvergesInTheSameIterations()
    {
        var (alone, hrts, linux) = Runs("cg");
        Assert.InRange(Iterations(hrts), Iterations(alone) - 1, Iterations(alone) + 1);
        Assert.Equal(linux.Verification, hrts.Verification);
    }

    /// <summary>The test size on one HRT without MPI, on 2 HRT ranks, and on 2 Linux ranks; each must pass.</summary>
    private static (AppOutput Alone, AppOutput Hrts, AppOutput Linux) Runs(string name)
    {
        var app = AppCatalog.Find(Repository.Root, name);
        var image = BuiltImages.Get(Path.GetRelativePath(Repository.Root, app.HrtProject));
        var executable = AppRunner.PublishLinux(app);
        var alone = Parse(CliResult.Invoke("run", image, "--hvm", "--timeout", "200", "--", app.Test.Argument, "1"));
        var hrts = Parse(Mpirun.Run(2, Deadline, "run", image, "--hvm", "--timeout", "200", "--", app.Test.Argument, "1").Result);
        var linux = Parse(Mpirun.RunProgram(2, Deadline, executable, app.Test.Argument, "1").Result);
        foreach (var (what, run) in new[] { ("alone", alone), ("2 HRT ranks", hrts), ("2 Linux ranks", linux) })
            Assert.True(run.Passed, $"{name}, {what}: {run.Failure}\n{string.Join('\n', run.Lines)}");
        return (alone, hrts, linux);
    }

    private static AppOutput Parse(CliResult result) =>
        AppOutput.Parse(result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList()) is var output && result.ExitCode == 0
            ? output : output with { Passed = false, Failure = $"exit code {result.ExitCode}: {result}" };

    private static int Iterations(AppOutput output) =>
        int.Parse(IterationsField().Match(string.Join('\n', output.Verification)).Groups[1].Value);

    [GeneratedRegex(@"iterations=(\d+)")]
    private static partial Regex IterationsField();
}
