using Nacre.Apps;

/// <summary>
/// The HVM path (docs/runtime.md): the Linux process builds the problem in the arena it shares
/// with this HRT and calls Invoke("ep_solve", problem); the HRT solves it in place on its workers.
/// Returns the cycles spent.
/// </summary>
public static unsafe class EpExports
{
    [Nacre.HrtExport("ep_solve")]
    public static long Solve(EpProblem* problem)
    {
        Ep.Solve(problem);
        return (long)problem->Cycles;
    }
}
