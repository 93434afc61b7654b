using Nacre.Host.Tests.Hvm;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Mpi;

/// <summary>
/// HRTs across ranks (docs/mpi.md): two ranks of one vCPU each, under mpirun, run every call of
/// Nacre.Mpi against each other through the HVM's upcall page (tests/Fixtures/MpiGuest checks each
/// result and the errors of both sides), with the service polling or woken by the doorbell; and
/// a rank that panics or fails ends the whole run, non-zero and at once, never a hang.
/// </summary>
public sealed class MpiRunTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(240);

    private static string Guest => BuiltImages.Get("tests/Fixtures/MpiGuest");

    [KvmTheory]
    [InlineData("thread")]
    [InlineData("doorbell")]
    public void TwoRanksPassEveryCheck(string upcalls)
    {
        var run = Mpirun.Run(2, Deadline, "run", Guest, "--hvm", "--mpi-upcalls", upcalls, "--timeout", "120");
        var result = run.Result;
        Assert.True(result.ExitCode == 0, run.ToString());
        Assert.Contains("mpiguest: rank 0 PASSED", result.Stdout);
        // Rank 1's console reaches stderr, each line prefixed; none of it is on stdout.
        Assert.Contains("[rank 1] mpiguest: rank 1 PASSED", result.Stderr);
        Assert.DoesNotContain("rank 1 PASSED", result.Stdout);
        // The host's own check of a request posted past the library's: said on both sides.
        Assert.Contains("nacre: rank 0: MPI upcall Send (ticket 12) failed: rank 5 is out of range: the world has ranks 0..1", result.Stderr);
        Assert.Contains("mpiguest: rejected: Nacre.Mpi: rank 0: rank 5 is out of range", result.Stdout);
        Assert.Contains("MPI_ERR_TRUNCATE", result.Stderr);
    }

    [KvmFact]
    public void APanickingRankFailsTheWholeRun()
    {
        var run = Mpirun.Run(2, Deadline, "run", Guest, "--hvm", "--timeout", "120", "--", "panic", "1");
        Assert.True(run.Result.ExitCode != 0, run.ToString());
        Assert.Contains("[rank 1] nacre: rank 1 of 2 failed: the kernel panicked; aborting every rank", run.Result.Stderr);
        // Rank 0 waits for a message rank 1 never sends: only the abort ends it.
        Assert.Contains("mpiguest: rank 0 of 2, case panic", run.Result.Stdout);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(100), $"the run should end at once, not at a timeout: {run}");
    }

    [KvmFact]
    public void ARankReturningNonZeroFailsTheWholeRun()
    {
        var run = Mpirun.Run(2, Deadline, "run", Guest, "--hvm", "--timeout", "120", "--", "exit", "0", "3");
        Assert.True(run.Result.ExitCode != 0, run.ToString());
        Assert.Contains("nacre: rank 0 of 2 failed: the HRT exited with code 3; aborting every rank", run.Result.Stderr);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(100), $"the run should end at once, not at a timeout: {run}");
    }

    [KvmFact]
    public void WithoutMpirunTheHrtIsToldThereIsNoService()
    {
        var result = CliResult.Invoke("run", Guest, "--hvm", "--timeout", "60");
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("no MPI service: run the HRT with `mpirun ... nacre run`", result.Stdout);
    }
}
